import { useQuery } from '@tanstack/react-query';
import { useFormatters } from '../../../lib/format';
import type { TicketSummary } from '../../../lib/types';
import { fetchTicketTimers, slaKeys } from '../api';
import { mostUrgent } from '../sla-state';
import { useSlaT } from '../use-sla-t';

/**
 * The countdown of a ticket's most urgent SLA target, coloured by state. It re-reads the timers when the
 * ticket changes (live events refresh the ticket) and re-colours on the shared clock tick.
 */
export function SlaBadge({ ticket, now }: { ticket: TicketSummary; now: number }) {
  const t = useSlaT();
  const format = useFormatters();
  const { data } = useQuery({
    queryKey: slaKeys.timers(ticket.id, ticket.updatedAt),
    queryFn: () => fetchTicketTimers(ticket.id),
    staleTime: 60_000,
  });
  const urgent = data ? mostUrgent(data, now) : null;
  if (!urgent) {
    return null;
  }
  const metric = t(`metric_${urgent.timer.metric}`);
  const duration = format.duration(Math.abs(urgent.ms));
  const label =
    urgent.view === 'paused'
      ? t('paused', { metric, duration })
      : urgent.view === 'breached'
        ? t('overdue', { metric, duration })
        : t('left', { metric, duration });
  return (
    <span
      className={`sl-badge sl-badge--${urgent.tone} sl-sla-badge`}
      data-sla-state={urgent.view}
      title={urgent.timer.dueAt ? t('dueAt', { time: format.dateTime(urgent.timer.dueAt) }) : undefined}
    >
      {label}
    </span>
  );
}
