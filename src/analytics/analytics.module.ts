import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { EventBus } from '../events/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Database, Dialect } from '../store/index.ts';
import { analyticsRoutes } from './analytics.routes.ts';
import { type AnalyticsSettings, createAnalyticsService } from './analytics.service.ts';
import { createRefreshFactsJob, refreshFactsJob } from './facts.job.ts';
import { liveStreamRoute } from './live.ts';

export type { AnalyticsSettings };

/** How often the fact tables catch up with the raw tables. */
export const REFRESH_FACTS_EVERY_MS = 60_000;

/** Reports over tickets, messages, surveys and presence, served under /api/v1/analytics. */
export function createAnalyticsModule(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  events: EventBus;
  settings: AnalyticsSettings;
}) {
  const service = createAnalyticsService(deps);
  return {
    service,
    plugin: async (scope: FastifyInstance) => {
      await analyticsRoutes(scope, { service, now: () => deps.clock.now() });
      liveStreamRoute(scope, {
        db: deps.db,
        events: deps.events,
        now: () => deps.clock.now(),
      });
    },
    jobs: [createRefreshFactsJob({ ...deps, contactWindowMs: deps.settings.contactWindowMs })],
    recurring: [{ job: refreshFactsJob, everyMs: REFRESH_FACTS_EVERY_MS }],
  };
}
