/**
 * Server-sent events → query-cache invalidation. Events are coalesced for a few milliseconds so a burst
 * (an import, a busy minute) refetches each thing once; the inbox lists, the most expensive refetch,
 * at most once a second.
 */
import type { QueryClient } from '@tanstack/react-query';
import { isRecord } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';
import type { LiveEvent, LiveEventName } from '../../lib/types';

export const LIVE_EVENT_NAMES: readonly LiveEventName[] = [
  'message.created',
  'message.updated',
  'ticket.created',
  'ticket.updated',
];

export function parseLiveEvent(name: LiveEventName, data: string): LiveEvent | null {
  try {
    const parsed: unknown = JSON.parse(data);
    if (isRecord(parsed) && typeof parsed.ticketId === 'string') {
      return {
        name,
        ticketId: parsed.ticketId,
        messageId: typeof parsed.messageId === 'string' ? parsed.messageId : undefined,
      };
    }
  } catch {
    // a malformed event is ignored; the next catch-up fixes the cache
  }
  return null;
}

const FLUSH_DELAY_MS = 30;
const LIST_INTERVAL_MS = 1_000;

export function createInvalidationBatcher(client: QueryClient) {
  const messageTickets = new Set<string>();
  const changedTickets = new Set<string>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let listTimer: ReturnType<typeof setTimeout> | null = null;
  let lastListRefresh = 0;

  const refreshLists = () => {
    listTimer = null;
    lastListRefresh = Date.now();
    void client.invalidateQueries({ queryKey: queryKeys.ticketLists });
    void client.invalidateQueries({ queryKey: queryKeys.counts });
  };

  const flush = () => {
    flushTimer = null;
    for (const id of messageTickets) {
      void client.invalidateQueries({ queryKey: queryKeys.messages(id) });
    }
    for (const id of new Set([...messageTickets, ...changedTickets])) {
      void client.invalidateQueries({ queryKey: queryKeys.ticket(id), exact: true });
    }
    for (const id of changedTickets) {
      void client.invalidateQueries({ queryKey: queryKeys.events(id) });
    }
    messageTickets.clear();
    changedTickets.clear();
    const wait = lastListRefresh + LIST_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      refreshLists();
    } else if (!listTimer) {
      listTimer = setTimeout(refreshLists, wait);
    }
  };

  return {
    push(event: LiveEvent) {
      if (event.name.startsWith('message.')) {
        messageTickets.add(event.ticketId);
      } else {
        changedTickets.add(event.ticketId);
      }
      flushTimer ??= setTimeout(flush, FLUSH_DELAY_MS);
    },
    dispose() {
      if (flushTimer) {
        clearTimeout(flushTimer);
      }
      if (listTimer) {
        clearTimeout(listTimer);
      }
    },
  };
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveConnectionOptions {
  url: string;
  client: QueryClient;
  onStatus(status: LiveStatus): void;
  /** Injected for tests. */
  createSource?: (url: string) => EventSource;
}

/** Open the stream; after any gap, re-fetch everything (catch-up). Returns a disconnect function. */
export function connectLive({ url, client, onStatus, createSource }: LiveConnectionOptions): () => void {
  const open = createSource ?? ((target: string) => new EventSource(target, { withCredentials: true }));
  const batcher = createInvalidationBatcher(client);
  let source: EventSource | null = null;
  let hadGap = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempts = 0;
  let disposed = false;

  const catchUp = () => {
    void client.invalidateQueries();
  };

  const start = () => {
    onStatus(hadGap ? 'reconnecting' : 'connecting');
    const current = open(url);
    source = current;
    current.onopen = () => {
      attempts = 0;
      onStatus('live');
      if (hadGap) {
        hadGap = false;
        catchUp();
      }
    };
    current.onerror = () => {
      hadGap = true;
      onStatus('reconnecting');
      if (current.readyState === 2 && !disposed) {
        // The browser gave up (HTTP error such as 401): re-check the session and retry with backoff.
        void client.invalidateQueries({ queryKey: queryKeys.me });
        attempts += 1;
        const delay = Math.min(30_000, 1_000 * 2 ** Math.min(attempts, 5));
        retryTimer = setTimeout(start, delay);
      }
    };
    // Ids only, like every event: the bell refetches the user's own list (the server filters by user).
    current.addEventListener('notification.created', () => {
      void client.invalidateQueries({ queryKey: queryKeys.notifications });
    });
    for (const name of LIVE_EVENT_NAMES) {
      current.addEventListener(name, (event) => {
        const parsed = parseLiveEvent(name, (event as MessageEvent<string>).data);
        if (parsed) {
          batcher.push(parsed);
        }
      });
    }
  };

  const onOnline = () => {
    if (source && source.readyState !== 1) {
      source.close();
      if (retryTimer) {
        clearTimeout(retryTimer);
      }
      hadGap = true;
      start();
    }
  };
  window.addEventListener('online', onOnline);
  start();

  return () => {
    disposed = true;
    window.removeEventListener('online', onOnline);
    if (retryTimer) {
      clearTimeout(retryTimer);
    }
    source?.close();
    batcher.dispose();
  };
}
