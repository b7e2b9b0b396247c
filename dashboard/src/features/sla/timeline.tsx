import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '../../lib/types';
import { SLA_NS } from './strings';

/** "First response target at risk" / "First response target breached" on the ticket timeline. */
export function SlaEvent({ event }: { event: TicketEvent }) {
  const { t } = useTranslation();
  const metric = t(`metric_${String(event.data?.metric ?? 'firstResponse')}`, { ns: SLA_NS });
  return (
    <>{t(event.kind === 'sla_breached' ? 'timelineBreached' : 'timelineWarning', { ns: SLA_NS, metric })}</>
  );
}
