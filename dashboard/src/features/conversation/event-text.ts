/** The sentence a ticket event shows in the timeline ("Ana assigned the ticket to Marc"). */
import type { TFunction } from 'i18next';
import type { TicketEvent } from '../../lib/types';

export interface Directory {
  userName(id: string): string | null;
  teamName(id: string): string | null;
}

function field(data: TicketEvent['data'], name: string): unknown {
  return data && name in data ? data[name] : undefined;
}

function actorName(event: TicketEvent, t: TFunction, directory: Directory): string {
  switch (event.actorType) {
    case 'system':
      return t('events.actorSystem');
    case 'bot':
      return t('events.actorBot');
    case 'customer':
      return t('events.actorCustomer');
    default:
      return (event.actorId && directory.userName(event.actorId)) || t('events.someone');
  }
}

export function describeEvent(event: TicketEvent, t: TFunction, directory: Directory): string {
  const actor = actorName(event, t, directory);
  const data = event.data;
  // Server event data: {from, to, cause?}; cause 'customer_replied' when the customer's message moved it.
  const byCustomer = field(data, 'cause') === 'customer_replied';
  switch (event.kind) {
    case 'created':
      return t('events.created');
    case 'reopened':
      return byCustomer ? t('events.reopenedByCustomer') : t('events.reopened', { actor });
    case 'status_changed': {
      const status = field(data, 'to');
      return t(byCustomer ? 'events.statusByCustomer' : 'events.status_changed', {
        actor,
        status: typeof status === 'string' ? t(`status.${status}`) : '?',
      });
    }
    case 'priority_changed': {
      const priority = field(data, 'to');
      return t('events.priority_changed', {
        actor,
        priority: typeof priority === 'string' ? t(`priority.${priority}`) : '?',
      });
    }
    case 'assigned': {
      const assignee = field(data, 'to');
      if (typeof assignee !== 'string' || !assignee) {
        return t('events.unassigned', { actor });
      }
      return t('events.assigned', { actor, assignee: directory.userName(assignee) ?? t('events.someone') });
    }
    case 'team_changed': {
      const team = field(data, 'to');
      return t('events.team_changed', {
        actor,
        team: typeof team === 'string' && team ? (directory.teamName(team) ?? team) : t('events.noTeam'),
      });
    }
    case 'tags_changed': {
      const tags = field(data, 'to');
      const list = Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
      return list.length > 0
        ? t('events.tags_changed', { actor, tags: list.join(', ') })
        : t('events.tags_cleared', { actor });
    }
    case 'contact_merged':
      return t('events.contact_merged');
    default:
      return t('events.other', { kind: event.kind });
  }
}
