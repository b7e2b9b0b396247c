/** Split untrusted message text into plain text and http(s) links (never any other scheme). */
export type TextSegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const TRAILING = /[.,;:!?'"»”’)\]]+$/u;

function trimTrailing(candidate: string): string {
  let url = candidate;
  for (;;) {
    const match = TRAILING.exec(url);
    if (!match) {
      return url;
    }
    const trailing = match[0];
    // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
    if (trailing === ')' && (url.match(/\(/g)?.length ?? 0) >= (url.match(/\)/g)?.length ?? 0)) {
      return url;
    }
    url = url.slice(0, -1);
  }
}

export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const url = trimTrailing(match[0]);
    if (!url) {
      continue;
    }
    const href = url.toLowerCase().startsWith('www.') ? `https://${url}` : url;
    let valid = true;
    try {
      const parsed = new URL(href);
      valid = parsed.protocol === 'https:' || parsed.protocol === 'http:';
    } catch {
      valid = false;
    }
    if (!valid) {
      continue;
    }
    if (start > last) {
      segments.push({ type: 'text', text: text.slice(last, start) });
    }
    segments.push({ type: 'link', text: url, href });
    last = start + url.length;
  }
  if (last < text.length) {
    segments.push({ type: 'text', text: text.slice(last) });
  }
  return segments;
}

const EMOJI_ONLY =
  /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\s)+$/u;

/** 1–3 emoji and nothing else: shown large, as WhatsApp does. */
export function isEmojiOnly(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed || !EMOJI_ONLY.test(trimmed)) {
    return false;
  }
  const graphemes = Array.from(
    new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(trimmed),
  ).filter((part) => part.segment.trim() !== '');
  return graphemes.length <= 3;
}
