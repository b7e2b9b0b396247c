import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ar from '../i18n/ar.json';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import fr from '../i18n/fr.json';
import it_ from '../i18n/it.json';
import { createI18n, directionOf } from './i18n';

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function valuesOf(tree: object): string[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === 'object' && value !== null ? valuesOf(value) : [String(value)],
  );
}

describe('i18n', () => {
  it.each([
    ['fr', fr],
    ['es', es],
    ['it', it_],
    ['ar', ar],
  ])('%s has exactly the English keys, with the same placeholders', (_language, tree) => {
    expect(keysOf(tree).sort()).toEqual(keysOf(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort();
    const english = Object.fromEntries(keysOf(en).map((key, index) => [key, valuesOf(en)[index] ?? '']));
    const translated = Object.fromEntries(
      keysOf(tree).map((key, index) => [key, valuesOf(tree)[index] ?? '']),
    );
    for (const key of Object.keys(english)) {
      expect(placeholders(translated[key] ?? ''), key).toEqual(placeholders(english[key] ?? ''));
    }
  });

  it('switching to Arabic sets <html dir="rtl" lang="ar">, and back', async () => {
    const i18n = createI18n('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('en');
    await act(() => i18n.changeLanguage('ar'));
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(i18n.t('nav.inbox')).toBe('صندوق الوارد');
    await act(() => i18n.changeLanguage('fr'));
    expect(document.documentElement.dir).toBe('ltr');
    expect(i18n.t('nav.inbox')).toBe('Boîte de réception');
  });

  it('knows which languages are right-to-left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ar-EG')).toBe('rtl');
    expect(directionOf('it')).toBe('ltr');
  });
});
