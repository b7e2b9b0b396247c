import type { Principal } from '../auth/index.ts';
import type { Suggestion } from './kb.search.ts';
import { pickTranslation } from './kb.search.ts';
import type { MediaText } from './media-texts.repo.ts';
import { extractSignals, maskNumber, maskSignals, type Signal } from './signals.ts';

/** Only admins see card and IBAN numbers in full; every other role gets them masked. */
export const seesFullNumbers = (principal: Principal): boolean =>
  principal.permissions.includes('pii.unmasked');

/** Text with its signals, card/IBAN numbers masked unless `full`. */
export function textView(text: string, full: boolean): { text: string; signals: Signal[] } {
  const signals = extractSignals(text);
  return full ? { text, signals } : maskSignals(text, signals);
}

/** Signals on their own (no text to point into): kind and value, card/IBAN numbers masked unless `full`. */
export function signalsView(
  signals: readonly Signal[],
  full: boolean,
): { kind: Signal['kind']; value: string }[] {
  return signals.map(({ kind, value }) => ({
    kind,
    value: full || (kind !== 'card' && kind !== 'iban') ? value : maskNumber(kind, value),
  }));
}

export function mediaTextView(row: MediaText & { messageId: string | null }, full: boolean) {
  const read = row.text ? textView(row.text, full) : { text: null, signals: [] };
  return {
    mediaId: row.mediaId,
    messageId: row.messageId,
    kind: row.kind,
    state: row.state,
    engine: row.engine,
    language: row.language,
    text: read.text,
    signals: read.signals,
    confidence: row.confidence,
    durationMs: row.durationMs,
    reason: row.reason,
  };
}

export function suggestionView(suggestion: Suggestion, languages: readonly (string | null)[]) {
  const { article } = suggestion;
  const translation = pickTranslation(article, languages);
  return {
    articleId: article.id,
    category: article.category,
    language: translation.language,
    title: translation.title,
    steps: translation.steps,
    score: suggestion.score,
    confidence: suggestion.confidence,
    matchedCodes: suggestion.matchedCodes,
    categoryMatch: suggestion.categoryMatch,
  };
}
