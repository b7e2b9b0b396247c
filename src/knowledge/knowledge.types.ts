/** Problem categories a ticket is sorted into ('other' when nothing fits well enough). */
export const CATEGORIES = [
  'damaged_in_transit',
  'defective_product',
  'payment_failed',
  'login_account',
  'app_error',
  'installation',
  'leak_water_damage',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Languages the knowledge base, rules and seed corpus ship in. */
export const KB_LANGUAGES = ['en', 'fr', 'es', 'it', 'ar'] as const;
export type KbLanguage = (typeof KB_LANGUAGES)[number];

export type MediaTextKind = 'ocr' | 'transcript';
/** done: text read · empty: nothing readable · no_engine: no engine installed · failed: see reason. */
export type MediaTextState = 'done' | 'empty' | 'no_engine' | 'failed';

export interface CategoryVerdict {
  category: Category;
  /** 0..1 */
  confidence: number;
  /** The rule patterns that matched, for transparency. */
  matchedRules: string[];
}
