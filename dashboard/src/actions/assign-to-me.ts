import type { ActionDefinition } from '../lib/actions';

export const assignToMe: ActionDefinition = {
  name: 'assignToMe',
  label: 'actions.assignToMe',
  group: 'ticket',
  shortcut: 'a',
  predicate: ({ ticket, me }) =>
    Boolean(ticket && me && ticket.assigneeId !== me.id && ticket.status !== 'closed'),
  perform: ({ updateTicket, me }) => updateTicket({ assigneeId: me?.id ?? null }),
};
