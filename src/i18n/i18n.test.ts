import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES, REFERENCE } from './catalogue.ts';
import { resolveLanguage, t } from './index.ts';

describe('server i18n', () => {
  it('fills placeholders and falls back to English for unknown languages', () => {
    expect(t('fr-FR', 'media.refused.too_large', { kind: 'vidéo', limit: '16 Mo' })).toContain('16 Mo');
    expect(t('pt-BR', 'media.kind.image')).toBe('photo');
    expect(t(null, 'media.kind.video')).toBe('video');
    expect(resolveLanguage('AR')).toBe('ar');
  });

  it.each(LANGUAGES)('%s has every key with the same placeholders as English', (language) => {
    for (const [key, english] of Object.entries(REFERENCE)) {
      const text = CATALOGUES[language][key as keyof typeof REFERENCE];
      expect(text, `${language}: ${key}`).toBeTypeOf('string');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(text!)).toEqual(names(english));
    }
  });
});
