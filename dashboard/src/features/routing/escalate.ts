import type { ActionDefinition } from '../../lib/actions';
import { notify } from '../../lib/toast';
import { routingApi } from './api';
import { ROUTING_NS, ROUTING_STRINGS } from './strings';

/** The routing strings of the page's current language (actions run outside React). */
function strings() {
  return ROUTING_STRINGS[document.documentElement.lang] ?? ROUTING_STRINGS.en!;
}

/** Escalate the open ticket one tier up; the reason is required (asked for, then sent). */
export const escalate: ActionDefinition = {
  name: 'escalate',
  label: `${ROUTING_NS}:escalate`,
  group: 'ticket',
  predicate: ({ ticket }) => Boolean(ticket && ticket.status !== 'closed'),
  perform: async ({ ticket }) => {
    const reason = window.prompt(strings().escalateReason)?.trim();
    if (!ticket || !reason) {
      return;
    }
    try {
      const result = await routingApi.escalate(ticket.id, reason);
      notify(strings().escalated.replace('{{tier}}', result.to), 'info');
    } catch (error) {
      notify((error as Error).message);
    }
  },
};
