import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ACTOR_TYPES, type AuditFilter, type AuditLog } from '../audit/index.ts';
import { addRoute } from './route.ts';

const Timestamp = z.coerce.number().int().min(0).max(8_640_000_000_000_000);
const Text = z.string().trim().min(1).max(200);

const AuditFilterQuery = z.strictObject({
  actorId: Text.optional(),
  actorType: z.enum(ACTOR_TYPES).optional(),
  /** Comma-separated actions, e.g. `auth.sign_in,auth.sign_in_failed`. */
  action: z.string().trim().max(1000).optional(),
  targetType: Text.optional(),
  targetId: Text.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
});

const AuditListQuery = AuditFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(20).optional(),
});

const AuditExportQuery = AuditFilterQuery.extend({ format: z.enum(['csv', 'json']).default('csv') });

function toFilter(query: z.infer<typeof AuditFilterQuery>): AuditFilter {
  const { action, ...rest } = query;
  const actions = action
    ?.split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  return { ...rest, ...(actions && actions.length > 0 ? { actions } : {}) };
}

/** The audit trail for admins and auditors: query, export (itself audited) and chain verification. */
export async function auditRoutes(app: FastifyInstance, deps: { audit: AuditLog }) {
  addRoute(app, {
    method: 'GET',
    url: '/api/v1/audit',
    summary: 'Audit entries, newest first (filters: actor, action, target, period; cursor pagination)',
    tag: 'audit',
    permission: 'audit.read',
    query: AuditListQuery,
    handler: async ({ query }) => {
      const { limit, cursor, ...filter } = query;
      return deps.audit.list(toFilter(filter), { limit, ...(cursor ? { cursor } : {}) });
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/audit/export',
    summary: 'Every matching audit entry, oldest first, as CSV or JSON',
    tag: 'audit',
    permission: 'audit.read',
    query: AuditExportQuery,
    handler: async ({ query, reply, audit }) => {
      const { format, ...filter } = query;
      await audit({ action: 'audit.exported', details: { format, filter } });
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="sightline-audit-${stamp}.${format}"`)
        .send(deps.audit.exportEntries(toFilter(filter), format));
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/audit/verify',
    summary: 'Walk the hash chain: reports the first edited, inserted or deleted entry',
    tag: 'audit',
    permission: 'audit.read',
    handler: async () => deps.audit.verify(),
  });
}
