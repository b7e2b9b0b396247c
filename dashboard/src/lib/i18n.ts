/** i18next set-up: five shipped languages; Arabic flips the document to right-to-left. */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from '../i18n/ar.json';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import fr from '../i18n/fr.json';
import it from '../i18n/it.json';
import { LANGUAGES, type Language } from './types';

export const resources = {
  en: { translation: en },
  fr: { translation: fr },
  es: { translation: es },
  it: { translation: it },
  ar: { translation: ar },
} as const;

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  ar: 'العربية',
};

const RTL_LANGUAGES = new Set<string>(['ar']);
const STORAGE_KEY = 'sightline.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(language.split('-')[0] ?? language) ? 'rtl' : 'ltr';
}

function applyToDocument(language: string): void {
  if (typeof document === 'undefined') {
    return;
  }
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) {
      return stored;
    }
  } catch {
    // storage can be unavailable (private mode); fall through to the browser language
  }
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language.split('-')[0];
  return isLanguage(browser) ? browser : 'en';
}

/** Adds each feature's own namespace once (idempotent, so it may run on every render). */
export function addFeatureStrings(
  instance: I18n,
  strings: readonly { namespace: string; resources: Record<string, Record<string, string>> }[],
): void {
  for (const { namespace, resources: byLanguage } of strings) {
    for (const [language, bundle] of Object.entries(byLanguage)) {
      if (!instance.hasResourceBundle(language, namespace)) {
        instance.addResourceBundle(language, namespace, bundle, true, false);
      }
    }
  }
}

export function createI18n(language: Language = initialLanguage()): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (next) => {
    applyToDocument(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not fatal
    }
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  applyToDocument(language);
  return instance;
}
