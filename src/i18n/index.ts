import { CATALOGUES, LANGUAGES, type Language, type MessageKey, REFERENCE } from './catalogue.ts';

export { LANGUAGES, type Language, type MessageKey } from './catalogue.ts';

/** The shipped language for a tag like `fr-CA`, `pt_BR` or `AR`; English when it is not shipped. */
export function resolveLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** Right-to-left scripts (Arabic ships). */
export function isRightToLeft(language: Language): boolean {
  return language === 'ar';
}

/** The string for `key` in `language` (falling back to English), with `{name}` placeholders filled. */
export function t(
  language: string | null | undefined,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  const template = CATALOGUES[resolveLanguage(language)][key] ?? REFERENCE[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
