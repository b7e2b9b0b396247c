import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ensureKnowledgeStrings, KNOWLEDGE_NS } from './strings';

/** `t` for the knowledge namespace; re-renders on language change like any `useTranslation`. */
export function useKnowledgeT() {
  const { i18n } = useTranslation();
  ensureKnowledgeStrings(i18n);
  return i18n.getFixedT(i18n.language, KNOWLEDGE_NS);
}

/**
 * Registers the namespace as soon as the shell renders, so the nav entry and panel titles (translated by
 * the shell with `knowledge:` keys) show in the user's language; one re-render when it was missing.
 */
export function KnowledgeStrings() {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (ensureKnowledgeStrings(i18n)) {
      i18n.emit('languageChanged', i18n.language);
    }
  }, [i18n]);
  return null;
}
