/** Query-cache keys in one place, so live events know what to invalidate. */
import type { InboxView, TicketFilters } from './types';

export const queryKeys = {
  me: ['auth', 'me'] as const,
  users: ['users'] as const,
  teams: ['teams'] as const,
  ticketLists: ['tickets', 'list'] as const,
  ticketList: (view: InboxView, filters: TicketFilters) => ['tickets', 'list', view, filters] as const,
  counts: ['tickets', 'counts'] as const,
  ticket: (id: string) => ['ticket', id] as const,
  messages: (id: string) => ['ticket', id, 'messages'] as const,
  events: (id: string) => ['ticket', id, 'events'] as const,
  templates: ['templates'] as const,
  cannedReplies: ['canned-replies'] as const,
  /** The signed-in user's in-app notifications (refetched on `notification.created`). */
  notifications: ['notifications'] as const,
};
