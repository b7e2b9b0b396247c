import type { ReactNode } from 'react';
import { inboxPath } from '../../../lib/paths';
import { navigate, withSearch } from '../../../lib/router';

/** A link to another ticket (in the "all" view: it is often another customer's, not in one's own views). */
export function TicketLink({ ticketId, children }: { ticketId: string; children: ReactNode }) {
  const href = inboxPath('all', ticketId);
  return (
    <a
      href={href}
      className="sl-analysis__ticket-link"
      onClick={(event) => {
        event.preventDefault();
        navigate(withSearch(href));
      }}
    >
      {children}
    </a>
  );
}
