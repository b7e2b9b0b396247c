import type { Ticket } from '../../../lib/types';
import { TagEditor } from './TagEditor';
import { TeamSelect } from './TeamSelect';

/** Tags and team: the properties panel of the details side. */
export function TicketProperties({ ticket }: { ticket: Ticket }) {
  return (
    <div className="sl-properties">
      <TeamSelect ticket={ticket} />
      <TagEditor ticket={ticket} />
    </div>
  );
}
