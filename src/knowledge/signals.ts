import { isIbanValid, isLuhnValid } from './signals.checks.ts';

/** A structured fact found in text (OCR, caption, message, transcript). */
export type SignalKind = 'error_code' | 'exception' | 'amount' | 'date' | 'reference' | 'card' | 'iban';

export interface Signal {
  kind: SignalKind;
  /** As found (card and IBAN numbers masked once `maskSignals` ran). */
  value: string;
  start: number;
  end: number;
}

const CURRENCY = '(?:€|\\$|£|EUR|USD|GBP|CHF|MAD|AED|SAR|د\\.إ)';
const NUMBER = '\\d{1,3}(?:[ .,\\u00a0\\u202f]\\d{3})*(?:[.,]\\d{1,2})?';

/** Patterns in priority order: a span claimed by an earlier kind is not reported again by a later one. */
const PATTERNS: { kind: SignalKind; pattern: RegExp; accept?: (match: string) => boolean }[] = [
  {
    kind: 'iban',
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g,
    accept: (m) => isIbanValid(m.replace(/ /g, '')),
  },
  { kind: 'card', pattern: /\b\d(?:[ -]?\d){12,18}\b/g, accept: (m) => isLuhnValid(m.replace(/\D/g, '')) },
  { kind: 'exception', pattern: /\b(?:[a-z]+\.)*[A-Z][A-Za-z]+(?:Exception|Error)\b/g },
  {
    kind: 'reference',
    pattern:
      /\b(?:order|commande|pedido|ordine|transaction|transacción|transazione|ref|réf)\.?\s*(?:no\.?|n°|nº|#|:)?\s*([A-Z0-9][A-Z0-9-]{4,})\b|\b(?:TX|TXN|ORD|INV)-?\d{4,}\b/gi,
  },
  {
    kind: 'error_code',
    pattern: /\b(?:0x[0-9A-Fa-f]{8}|ERR_[A-Z0-9_]{3,}|[A-Z]{1,4}-\d{3,6}|[A-Z]\d{3,5})\b/g,
  },
  { kind: 'amount', pattern: new RegExp(`${CURRENCY} ?${NUMBER}|${NUMBER} ?${CURRENCY}`, 'g') },
  { kind: 'date', pattern: /\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}))\b/g },
];

/** Every signal in `text`, without overlaps, in reading order. Card and IBAN numbers pass their checksums. */
export function extractSignals(text: string): Signal[] {
  const found: Signal[] = [];
  const overlaps = (start: number, end: number) => found.some((s) => start < s.end && end > s.start);
  for (const { kind, pattern, accept } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if ((!accept || accept(match[0])) && !overlaps(start, end)) {
        found.push({ kind, value: match[0], start, end });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `•••• 4242` for a card, `FR76 •••• 0189` for an IBAN. */
export function maskNumber(kind: 'card' | 'iban', value: string): string {
  const compact = value.replace(/[ -]/g, '');
  return kind === 'card' ? `•••• ${compact.slice(-4)}` : `${compact.slice(0, 4)} •••• ${compact.slice(-4)}`;
}

/** The text with card and IBAN numbers masked, and the signals moved to their new positions. */
export function maskSignals(text: string, signals: readonly Signal[]): { text: string; signals: Signal[] } {
  let out = '';
  let cursor = 0;
  const moved: Signal[] = [];
  for (const signal of signals) {
    const value =
      signal.kind === 'card' || signal.kind === 'iban' ? maskNumber(signal.kind, signal.value) : signal.value;
    out += text.slice(cursor, signal.start);
    moved.push({ ...signal, value, start: out.length, end: out.length + value.length });
    out += value;
    cursor = signal.end;
  }
  return { text: out + text.slice(cursor), signals: moved };
}

/** Masks card and IBAN numbers in any text (logs, previews). */
export function maskSensitive(text: string): string {
  return maskSignals(text, extractSignals(text)).text;
}

/** Error codes and exception names, normalised (upper case), for matching articles. */
export function errorCodesOf(signals: readonly Signal[]): string[] {
  return [
    ...new Set(
      signals
        .filter((s) => s.kind === 'error_code' || s.kind === 'exception')
        .map((s) => s.value.toUpperCase()),
    ),
  ];
}
