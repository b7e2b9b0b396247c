import type { ActionDefinition } from '../lib/actions';

export const solve: ActionDefinition = {
  name: 'solve',
  label: 'actions.solve',
  group: 'ticket',
  shortcut: 's',
  predicate: ({ ticket }) => Boolean(ticket && ticket.status !== 'solved' && ticket.status !== 'closed'),
  perform: ({ updateTicket }) => updateTicket({ status: 'solved' }),
};
