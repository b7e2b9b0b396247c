/** URL conventions shared by the inbox, the conversation and the actions. */
import { locationAtom, matchPath } from './router';
import { INBOX_VIEWS, type InboxView } from './types';

export const INBOX_ROUTE = '/inbox/:view/:ticketId?';

export function isInboxView(value: unknown): value is InboxView {
  return typeof value === 'string' && (INBOX_VIEWS as readonly string[]).includes(value);
}

export function currentInboxView(): InboxView {
  const params = matchPath(INBOX_ROUTE, locationAtom.get().pathname);
  return isInboxView(params?.view) ? params.view : 'mine';
}

export function inboxPath(view: InboxView, ticketId?: string | null): string {
  return ticketId ? `/inbox/${view}/${encodeURIComponent(ticketId)}` : `/inbox/${view}`;
}
