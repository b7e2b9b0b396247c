import { useTranslation } from 'react-i18next';
import { ensureRoutingStrings, ROUTING_NS } from './strings';

/** `t` for the routing namespace; re-renders on language change like any `useTranslation`. */
export function useRoutingT() {
  const { i18n } = useTranslation();
  ensureRoutingStrings(i18n);
  return i18n.getFixedT(i18n.language, ROUTING_NS);
}
