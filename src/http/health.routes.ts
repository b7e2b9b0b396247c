import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { JobQueue } from '../jobs/index.ts';
import type { Database } from '../store/index.ts';
import type { Metrics } from './metrics.ts';
import { buildOpenApi } from './openapi.ts';

export async function opsRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; queue: JobQueue; metrics: Metrics; version: string },
) {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const checks: Record<string, string> = {};
    try {
      await sql`select 1`.execute(deps.db);
      checks.database = 'ok';
    } catch (error) {
      request.log.warn({ err: error }, 'readiness: database unreachable');
      checks.database = 'unreachable';
    }
    try {
      await deps.queue.depth();
      checks.queue = 'ok';
    } catch (error) {
      request.log.warn({ err: error }, 'readiness: job queue unreachable');
      checks.queue = 'unreachable';
    }
    const ready = Object.values(checks).every((v) => v === 'ok');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });

  app.get('/metrics', async (_request, reply) =>
    reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
  );

  let document: Record<string, unknown> | undefined;
  app.get('/api/openapi.json', async () => {
    document ??= buildOpenApi(app, deps.version);
    return document;
  });
}
