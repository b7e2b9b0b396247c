import { useTranslation } from 'react-i18next';
import { ensureSecurityStrings, SECURITY_NS } from '../strings';

/** `t` for the security namespace; re-renders on language change like any `useTranslation`. */
export function useSecurityT() {
  const { i18n } = useTranslation();
  ensureSecurityStrings(i18n);
  return i18n.getFixedT(i18n.language, SECURITY_NS);
}
