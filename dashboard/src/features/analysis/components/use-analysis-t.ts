import { useTranslation } from 'react-i18next';
import { ANALYSIS_NS, ensureAnalysisStrings } from '../strings';

/** `t` for the analysis namespace; re-renders on language change like any `useTranslation`. */
export function useAnalysisT() {
  const { i18n } = useTranslation();
  ensureAnalysisStrings(i18n);
  return i18n.getFixedT(i18n.language, ANALYSIS_NS);
}
