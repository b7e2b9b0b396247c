import type { ActionContext, ActionDefinition } from '../lib/actions';

/** The id `step` places away from the open ticket in the inbox order (the first one when none is open). */
export function relativeTicketId({ ticket, ticketIds }: ActionContext, step: number): string | null {
  if (ticketIds.length === 0) {
    return null;
  }
  const index = ticket ? ticketIds.indexOf(ticket.id) : -1;
  if (index === -1) {
    return ticketIds[0] ?? null;
  }
  const next = Math.min(Math.max(index + step, 0), ticketIds.length - 1);
  return next === index ? null : (ticketIds[next] ?? null);
}

export const nextTicket: ActionDefinition = {
  name: 'nextTicket',
  label: 'actions.next',
  group: 'navigation',
  shortcut: 'j',
  predicate: (context) => relativeTicketId(context, 1) !== null,
  perform: (context) => {
    const id = relativeTicketId(context, 1);
    if (id) {
      context.openTicket(id);
    }
  },
};
