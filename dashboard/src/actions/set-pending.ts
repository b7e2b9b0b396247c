import type { ActionDefinition } from '../lib/actions';

export const setPending: ActionDefinition = {
  name: 'setPending',
  label: 'actions.pending',
  group: 'ticket',
  shortcut: 'p',
  predicate: ({ ticket }) => Boolean(ticket && ticket.status !== 'pending' && ticket.status !== 'closed'),
  perform: ({ updateTicket }) => updateTicket({ status: 'pending' }),
};
