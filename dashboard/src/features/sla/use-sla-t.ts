import { useTranslation } from 'react-i18next';
import { SLA_NS } from './strings';

/** `t` for the SLA namespace (registered with the feature); re-renders on language change. */
export function useSlaT() {
  return useTranslation(SLA_NS).t;
}
