import { useTranslation } from 'react-i18next';
import { CANNED_NS, ensureCannedStrings } from '../strings';

/** `t` for the canned-replies namespace; re-renders on language change like any `useTranslation`. */
export function useCannedT() {
  const { i18n } = useTranslation();
  ensureCannedStrings(i18n);
  return i18n.getFixedT(i18n.language, CANNED_NS);
}
