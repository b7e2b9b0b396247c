import type { ActionDefinition } from '../lib/actions';
import { relativeTicketId } from './next-ticket';

export const previousTicket: ActionDefinition = {
  name: 'previousTicket',
  label: 'actions.previous',
  group: 'navigation',
  shortcut: 'k',
  predicate: (context) => relativeTicketId(context, -1) !== null,
  perform: (context) => {
    const id = relativeTicketId(context, -1);
    if (id) {
      context.openTicket(id);
    }
  },
};
