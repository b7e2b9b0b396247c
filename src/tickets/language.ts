import { franc } from 'franc';

/** franc's ISO 639-3 codes for the languages we tell apart, with the ISO 639-1 code we store. */
const CANDIDATES: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  arb: 'ar',
  por: 'pt',
  deu: 'de',
  nld: 'nl',
  tur: 'tr',
  rus: 'ru',
};
const ONLY = Object.keys(CANDIDATES);
const MIN_LETTERS = 20;
const ARABIC_LETTER = /\p{Script=Arabic}/gu;
const LETTER = /\p{L}/gu;

/**
 * The language of a customer's text as an ISO 639-1 code, or null when the text is too short to tell.
 * Arabic script decides on its own (trigram models are unreliable on a few words, the script is not).
 */
export function detectLanguage(text: string): string | null {
  const letters = text.match(LETTER)?.length ?? 0;
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  if (arabic >= 3 && arabic * 2 > letters) {
    return 'ar';
  }
  if (letters < MIN_LETTERS) {
    return null;
  }
  const code = franc(text, { only: ONLY, minLength: MIN_LETTERS });
  return CANDIDATES[code] ?? null;
}
