import { AppError } from '../kernel/index.ts';
import type { AuthorType, TicketStatus } from './tickets.types.ts';

/** Transitions an agent may make. Customers move tickets only through messages (see ingest). */
const AGENT_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'solved', 'closed'],
  open: ['pending', 'solved', 'closed'],
  pending: ['open', 'solved', 'closed'],
  solved: ['open', 'closed'],
  closed: [],
};

export function assertAgentTransition(from: TicketStatus, to: TicketStatus): void {
  if (from === to) {
    return;
  }
  if (!AGENT_TRANSITIONS[from].includes(to)) {
    throw new AppError(
      'conflict',
      from === 'closed' ? 'ticket.closed' : 'ticket.invalid_transition',
      from === 'closed'
        ? 'This ticket is closed and can no longer change; the customer’s next message opens a new ticket.'
        : `A ticket cannot go from ${from} to ${to}.`,
      { details: { from, to, allowed: AGENT_TRANSITIONS[from] } },
    );
  }
}

/** The status after the customer writes to an existing active ticket. */
export function statusAfterCustomerMessage(current: TicketStatus): TicketStatus {
  return current === 'pending' ? 'open' : current;
}

/**
 * The status after a public reply. An agent's reply reopens a solved ticket; the bot's does not (its
 * satisfaction survey and the thanks for an answer go to a solved ticket and must leave it solved).
 */
export function statusAfterReply(current: TicketStatus, author: AuthorType): TicketStatus {
  if (current === 'solved') {
    return author === 'bot' ? current : 'open';
  }
  return current === 'new' ? 'open' : current;
}
