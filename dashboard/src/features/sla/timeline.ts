import type { TimelineEventText } from '../../lib/registry';
import { SLA_NS } from './strings';

/** "First response target at risk" / "First response target breached" on the ticket timeline. */
export const describeSlaEvent: TimelineEventText = (event, t) => {
  const metric = t(`metric_${String(event.data?.metric ?? 'firstResponse')}`, { ns: SLA_NS });
  return t(event.kind === 'sla_breached' ? 'timelineBreached' : 'timelineWarning', { ns: SLA_NS, metric });
};
