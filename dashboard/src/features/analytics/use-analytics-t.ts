import { useTranslation } from 'react-i18next';
import { ANALYTICS_NS, ensureAnalyticsStrings } from './strings';

/** `t` for the analytics namespace; re-renders on language change like any `useTranslation`. */
export function useAnalyticsT() {
  const { i18n } = useTranslation();
  ensureAnalyticsStrings(i18n);
  return i18n.getFixedT(i18n.language, ANALYTICS_NS);
}
