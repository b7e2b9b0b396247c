import pg from 'pg';
import type { Logger } from '../kernel/index.ts';
import { createListenerSet, type DomainEvent, type EventBus } from './event-bus.ts';

const RECONNECT_MS = 1_000;

/**
 * Many processes (scale-out): events travel through PostgreSQL NOTIFY; every process LISTENs,
 * including the publisher, so local and remote listeners hear each event exactly once.
 */
export function createPgEventBus(deps: {
  pool: pg.Pool;
  url: string;
  channel: string;
  logger: Logger;
}): EventBus {
  const { pool, url, channel, logger } = deps;
  const listeners = createListenerSet();
  let client: pg.Client | undefined;
  let closed = false;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) {
        listeners.emit(JSON.parse(message.payload) as DomainEvent);
      }
    });
    next.on('error', (error) => {
      logger.warn({ err: error }, 'event bus connection lost, reconnecting');
      client = undefined;
      if (!closed) {
        setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS);
      }
    });
    await next.connect();
    await next.query(`listen "${channel}"`);
    client = next;
  }
  const ready = connect();

  return {
    async publish(events) {
      await ready;
      for (const event of events) {
        await pool.query('select pg_notify($1, $2)', [channel, JSON.stringify(event)]);
      }
    },
    subscribe: listeners.add,
    async close() {
      closed = true;
      await ready.catch(() => undefined);
      await client?.end();
    },
  };
}
