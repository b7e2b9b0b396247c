import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuditLog } from '../audit/index.ts';
import type { MediaVault } from '../blobs/index.ts';
import { DEFAULT_RETRY, defineJobSpec, type JobDefinition } from '../jobs/index.ts';
import { type Clock, HOUR } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { privacyRoutes } from './privacy.routes.ts';
import { runRetention } from './retention.ts';

export const retentionJob = defineJobSpec({
  name: 'privacy.retention',
  schema: z.object({}).strict(),
  retry: DEFAULT_RETRY,
});

export const RETENTION_EVERY_MS = HOUR;

export interface PrivacyModule {
  plugin: (app: FastifyInstance) => Promise<void>;
  jobs: JobDefinition<Record<string, never>>[];
}

/** Access and erasure requests, and the retention job (recorded in the audit trail as the system). */
export function createPrivacyModule(deps: {
  db: Kysely<Database>;
  vault: MediaVault;
  clock: Clock;
  audit: AuditLog;
}): PrivacyModule {
  const run = () => runRetention(deps);
  return {
    plugin: (app) => privacyRoutes(app, { ...deps, runRetention: run }),
    jobs: [
      {
        ...retentionJob,
        handler: async () => {
          const result = await run();
          const { media, messages } = result.counts;
          if (media + messages > 0) {
            await deps.audit.record({
              action: 'retention.ran',
              actor: { type: 'system', id: null },
              details: { ...result.counts, runId: result.id },
            });
          }
        },
      },
    ],
  };
}
