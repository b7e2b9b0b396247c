import type { TicketEvent } from '../../../lib/types';
import { TicketLink } from './TicketLink';
import { useAnalysisT } from './use-analysis-t';

/** Timeline line: the bot asked for a new photo, with the reasons. */
export function UnusableEvent({ event }: { event: TicketEvent }) {
  const t = useAnalysisT();
  const reasons = Array.isArray(event.data?.reasons) ? event.data.reasons : [];
  return (
    <span data-event="media_unusable">
      {t('eventUnusable', { reasons: reasons.map((reason) => t(`flag_${String(reason)}`)).join(', ') })}
    </span>
  );
}

/** Timeline line: a photo of this ticket was already sent in another ticket, linked. */
export function DuplicateEvent({ event }: { event: TicketEvent }) {
  const t = useAnalysisT();
  const ticketId = event.data?.duplicateTicketId;
  const text = t('eventDuplicate', { number: Number(event.data?.duplicateTicketNumber) });
  return (
    <span data-event="media_duplicate">
      {typeof ticketId === 'string' ? <TicketLink ticketId={ticketId}>{text}</TicketLink> : text}
    </span>
  );
}
