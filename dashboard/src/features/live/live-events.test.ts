import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../lib/query-keys';
import { connectLive, type LiveStatus } from './live-events';

class FakeEventSource {
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  emit(name: string, data: unknown) {
    for (const listener of this.listeners.get(name) ?? []) {
      listener(new MessageEvent(name, { data: JSON.stringify(data) }));
    }
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 0;
    this.onerror?.();
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

function setup() {
  const client = new QueryClient();
  const invalidate = vi.spyOn(client, 'invalidateQueries');
  const sources: FakeEventSource[] = [];
  const statuses: LiveStatus[] = [];
  const disconnect = connectLive({
    url: '/api/v1/events/stream',
    client,
    onStatus: (status) => statuses.push(status),
    createSource: () => {
      const source = new FakeEventSource();
      sources.push(source);
      return source as unknown as EventSource;
    },
  });
  const keys = () => invalidate.mock.calls.map(([filters]) => JSON.stringify(filters?.queryKey ?? 'ALL'));
  return { client, invalidate, sources, statuses, disconnect, keys };
}

describe('live updates', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('invalidates the conversation, the ticket, the lists and the counts on a new message', () => {
    const { sources, keys, disconnect } = setup();
    sources[0]?.open();
    sources[0]?.emit('message.created', { ticketId: 't1', messageId: 'm1' });
    vi.advanceTimersByTime(50);
    expect(keys()).toEqual(
      expect.arrayContaining([
        JSON.stringify(queryKeys.messages('t1')),
        JSON.stringify(queryKeys.ticket('t1')),
        JSON.stringify(queryKeys.ticketLists),
        JSON.stringify(queryKeys.counts),
      ]),
    );
    disconnect();
  });

  it('coalesces a burst into one list refresh per second', () => {
    const { sources, keys, disconnect } = setup();
    sources[0]?.open();
    for (let index = 0; index < 20; index += 1) {
      sources[0]?.emit('ticket.updated', { ticketId: `t${index}` });
    }
    vi.advanceTimersByTime(50);
    sources[0]?.emit('ticket.updated', { ticketId: 't1' });
    vi.advanceTimersByTime(50);
    const listRefreshes = () => keys().filter((key) => key === JSON.stringify(queryKeys.ticketLists)).length;
    expect(listRefreshes()).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(listRefreshes()).toBe(2);
    disconnect();
  });

  it('shows reconnecting after a drop and refetches everything when the stream comes back', () => {
    const { sources, statuses, keys, disconnect } = setup();
    sources[0]?.open();
    sources[0]?.drop();
    expect(statuses.at(-1)).toBe('reconnecting');
    sources[0]?.open();
    expect(statuses.at(-1)).toBe('live');
    expect(keys()).toContain('"ALL"');
    disconnect();
    expect(sources[0]?.closed).toBe(true);
  });

  it('ignores malformed events', () => {
    const { sources, invalidate, disconnect } = setup();
    sources[0]?.open();
    for (const listener of sources[0]?.listeners.get('message.created') ?? []) {
      listener(new MessageEvent('message.created', { data: 'not json' }));
    }
    vi.advanceTimersByTime(2_000);
    expect(invalidate).not.toHaveBeenCalled();
    disconnect();
  });
});
