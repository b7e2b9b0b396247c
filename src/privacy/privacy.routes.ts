import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { MediaVault } from '../blobs/index.ts';
import { addRoute, IdParams } from '../http/route.ts';
import { AppError, type Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { eraseCustomer } from './customer-erase.ts';
import { exportCustomer } from './customer-export.ts';
import { DATA_CLASSES, getPolicies, listRuns, type RetentionRun, setPolicies } from './retention.ts';

const Days = z.number().int().min(1, 'must be at least 1 day').max(36_500).nullable();
const RetentionBody = z
  .strictObject({ media: Days.optional(), messages: Days.optional() })
  .refine((b) => b.media !== undefined || b.messages !== undefined, { message: 'give media or messages' });
/** The erase request must repeat the customer id: a typo or a replayed click erases nothing. */
const EraseBody = z.strictObject({ confirm: z.string().min(1).max(64) });

export interface PrivacyRouteDeps {
  db: Kysely<Database>;
  vault: MediaVault;
  clock: Clock;
  runRetention(): Promise<RetentionRun>;
}

/** Data-protection rights (access and erasure) and retention policies; admins act, auditors read. */
export async function privacyRoutes(app: FastifyInstance, deps: PrivacyRouteDeps) {
  addRoute(app, {
    method: 'GET',
    url: '/api/v1/customers/:id/export',
    summary: 'Everything about a customer as a zip: contact, tickets, messages, decrypted media',
    tag: 'privacy',
    permission: 'customers.export',
    params: IdParams,
    handler: async ({ params, reply, audit }) => {
      const result = await exportCustomer(deps, params.id);
      await audit({
        action: 'customer.exported',
        target: { type: 'contact', id: params.id },
        details: result.counts,
      });
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${result.filename}"`)
        .header('cache-control', 'no-store')
        .send(result.archive);
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/customers/:id/erase',
    summary: 'Erase a customer: messages redacted, media crypto-shredded, contact anonymised',
    tag: 'privacy',
    permission: 'customers.erase',
    params: IdParams,
    body: EraseBody,
    handler: async ({ params, body, audit }) => {
      if (body.confirm !== params.id) {
        throw new AppError(
          'invalid_input',
          'customer.erase_not_confirmed',
          'confirm: must repeat the customer id.',
          {
            details: { field: 'confirm' },
          },
        );
      }
      const report = await eraseCustomer(deps, params.id);
      await audit({
        action: 'customer.erased',
        target: { type: 'contact', id: params.id },
        details: { ...report },
      });
      return { data: report };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/retention',
    summary: 'Retention policies (days after a ticket closes) and the last runs with their counts',
    tag: 'privacy',
    permission: 'retention.read',
    handler: async () => ({
      dataClasses: DATA_CLASSES,
      policies: await getPolicies(deps.db),
      runs: await listRuns(deps.db, 10),
    }),
  });

  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/retention',
    summary: 'Set retention periods in days (null: keep forever)',
    tag: 'privacy',
    permission: 'retention.manage',
    body: RetentionBody,
    handler: async ({ body, audit }) => {
      const before = await setPolicies(deps.db, body, deps.clock.now());
      const after = await getPolicies(deps.db);
      await audit({ action: 'settings.retention_changed', details: { from: before, to: after } });
      return { policies: after };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/retention/run',
    summary: 'Apply the retention policies now (the job also runs every hour)',
    tag: 'privacy',
    permission: 'retention.manage',
    handler: async ({ audit }) => {
      const run = await deps.runRetention();
      await audit({ action: 'retention.ran', details: { ...run.counts, runId: run.id } });
      return { data: run };
    },
  });
}
