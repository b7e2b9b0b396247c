import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { canSeeTicket, ticketViewerOf } from '../auth/index.ts';
import type { DomainEvent, EventBus } from '../events/index.ts';
import type { Database } from '../store/index.ts';
import { authorize } from './route.ts';

const HEARTBEAT_MS = 15_000;

/**
 * Live updates for dashboards as Server-Sent Events. Each event carries ids only; the client refetches
 * what it shows. After a reconnect the client refetches everything (catch-up), so no replay is needed.
 * Team scoping applies: a caller hears only about tickets they may see (checked per event, since a
 * ticket's team or assignee can change while the stream is open).
 */
export async function eventsRoutes(app: FastifyInstance, deps: { events: EventBus; db: Kysely<Database> }) {
  app.get('/api/v1/events/stream', async (request, reply) => {
    const principal = await app.authenticate(request);
    await authorize(request, principal, 'tickets.read');
    const viewer = ticketViewerOf(principal);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 2000\n: connected\n\n');
    let sequence = 0;
    const write = (event: DomainEvent) => {
      sequence += 1;
      const { type, ...data } = event;
      raw.write(`id: ${sequence}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    // Checks run concurrently but are written in arrival order, so a client never sees events reordered.
    let queue: Promise<void> = Promise.resolve();
    const send = (event: DomainEvent) => {
      const allowed =
        event.type === 'notification.created'
          ? Promise.resolve(event.userId === principal.userId)
          : viewer.allTeams || canSeeTicket(deps.db, viewer, event.ticketId);
      queue = queue
        .then(() => allowed)
        .then((ok) => {
          if (ok && !raw.destroyed) {
            write(event);
          }
        })
        .catch((error: unknown) => request.log.warn({ err: error }, 'live update visibility check failed'));
    };
    const unsubscribe = deps.events.subscribe(send);
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
