import type { FastifyInstance } from 'fastify';
import type { DomainEvent, EventBus } from '../events/index.ts';

const HEARTBEAT_MS = 15_000;

/**
 * Live updates for dashboards as Server-Sent Events. Each event carries ids only; the client refetches
 * what it shows. After a reconnect the client refetches everything (catch-up), so no replay is needed.
 */
export async function eventsRoutes(app: FastifyInstance, deps: { events: EventBus }) {
  app.get('/api/v1/events/stream', async (request, reply) => {
    await app.authenticate(request);
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
    const send = (event: DomainEvent) => {
      sequence += 1;
      const { type, ...data } = event;
      raw.write(`id: ${sequence}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const unsubscribe = deps.events.subscribe(send);
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
