import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { analyticsRoutes } from './analytics.routes.ts';
import { type AnalyticsSettings, createAnalyticsService } from './analytics.service.ts';

export type { AnalyticsSettings };

/** Reports over tickets, messages, surveys and presence, served under /api/v1/analytics. */
export function createAnalyticsModule(deps: {
  db: Kysely<Database>;
  clock: Clock;
  settings: AnalyticsSettings;
}) {
  const service = createAnalyticsService(deps);
  return {
    service,
    plugin: async (scope: FastifyInstance) =>
      analyticsRoutes(scope, { service, now: () => deps.clock.now() }),
  };
}
