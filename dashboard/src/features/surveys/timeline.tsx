import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '../../lib/types';
import { SURVEYS_NS } from './strings';

const KEYS: Record<string, 'answered' | 'low' | 'skipped'> = {
  csat_answered: 'answered',
  csat_low: 'low',
  csat_skipped: 'skipped',
};

/** "Customer rated the help 5/5", the low-score follow-up, or why no survey was sent. */
export function SurveyEvent({ event }: { event: TicketEvent }) {
  const { t } = useTranslation();
  return <>{t(KEYS[event.kind] ?? 'answered', { ns: SURVEYS_NS, score: event.data?.score })}</>;
}
