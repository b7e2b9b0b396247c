import type { ActionDefinition } from '../lib/actions';

export const reopen: ActionDefinition = {
  name: 'reopen',
  label: 'actions.reopen',
  group: 'ticket',
  shortcut: 'o',
  predicate: ({ ticket }) => Boolean(ticket && (ticket.status === 'solved' || ticket.status === 'pending')),
  perform: ({ updateTicket }) => updateTicket({ status: 'open' }),
};
