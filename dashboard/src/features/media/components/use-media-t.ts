import { useTranslation } from 'react-i18next';
import { ensureMediaStrings, MEDIA_NS } from '../strings';

/** `t` for the media namespace; re-renders on language change like any `useTranslation`. */
export function useMediaT() {
  const { i18n } = useTranslation();
  ensureMediaStrings(i18n);
  return i18n.getFixedT(i18n.language, MEDIA_NS);
}
