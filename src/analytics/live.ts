import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { EventBus } from '../events/index.ts';
import { authorize } from '../http/route.ts';
import type { Database } from '../store/index.ts';

/** Today's live numbers; waiting = an active ticket whose customer wrote last (as the inbox sorts it). */
export interface LiveNumbers {
  at: number;
  open: number;
  waiting: number;
  longestWaitMs: number;
  agentsOnline: number;
}

export async function loadLiveNumbers(db: Kysely<Database>, now: number): Promise<LiveNumbers> {
  const waiting = sql`last_inbound_at is not null and last_inbound_at > coalesce(last_outbound_at, 0)`;
  const [tickets, users] = await Promise.all([
    db
      .selectFrom('tickets')
      .select([
        sql<number>`count(*)`.as('open'),
        sql<number>`sum(case when ${waiting} then 1 else 0 end)`.as('waiting'),
        sql<number | null>`min(case when ${waiting} then last_inbound_at end)`.as('oldest'),
      ])
      .where('status', 'in', ['new', 'open', 'pending'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select(sql<number>`count(*)`.as('n'))
      .where('presence', '=', 'online')
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    at: now,
    open: Number(tickets.open),
    waiting: Number(tickets.waiting ?? 0),
    longestWaitMs: tickets.oldest === null ? 0 : Math.max(0, now - Number(tickets.oldest)),
    agentsOnline: Number(users.n),
  };
}

const THROTTLE_MS = 1_000;
const REFRESH_MS = 15_000;

/**
 * Live numbers as Server-Sent Events (`event: live`): sent on connect, recomputed at most once a second
 * after ticket and message events, and every 15 s (presence changes and the growing wait).
 */
export function liveStreamRoute(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; events: EventBus; now: () => number },
) {
  app.get('/api/v1/analytics/live/stream', async (request, reply) => {
    const principal = await app.authenticate(request);
    await authorize(request, principal, 'tickets.read');
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let closed = false;
    let pending: NodeJS.Timeout | undefined;
    const push = async () => {
      pending = undefined;
      const numbers = await loadLiveNumbers(deps.db, deps.now());
      if (!closed) {
        raw.write(`event: live\ndata: ${JSON.stringify(numbers)}\n\n`);
      }
    };
    const schedule = () => {
      pending ??= setTimeout(() => void push().catch(() => undefined), THROTTLE_MS);
    };
    const unsubscribe = deps.events.subscribe(schedule);
    const timer = setInterval(schedule, REFRESH_MS);
    request.raw.on('close', () => {
      closed = true;
      clearTimeout(pending);
      clearInterval(timer);
      unsubscribe();
    });
    await push();
  });
}
