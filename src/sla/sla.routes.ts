import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ticketViewerOf } from '../auth/index.ts';
import { addRoute, IdParams } from '../http/route.ts';
import { type Clock, notFound } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { requireVisibleTicket } from '../tickets/index.ts';
import { choosePolicy } from './engine/policy-match.ts';
import { readTicketFacts } from './sla.facts.ts';
import { computeCompliance, listQueue, listRunningTimers, listTicketTimers } from './sla.queries.ts';
import { CalendarBody, ComplianceQuery, DryRunBody, PolicyBody, QueueQuery } from './sla.schemas.ts';
import type { SlaSettings } from './sla.settings.ts';

const TAG = 'sla';

const TimersQuery = z
  .object({ ticketIds: z.string().transform((s) => s.split(',').filter(Boolean).slice(0, 200)) })
  .strict();

export async function slaRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; settings: SlaSettings },
) {
  const { db, settings } = deps;

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/sla/calendars',
    summary: 'Business-hours calendars',
    tag: TAG,
    permission: 'settings.manage',
    handler: async () => ({ data: await settings.listCalendars() }),
  });
  addRoute(app, {
    method: 'POST',
    url: '/api/v1/sla/calendars',
    summary: 'Create a business-hours calendar (IANA time zone, weekly hours, holidays)',
    tag: TAG,
    permission: 'settings.manage',
    body: CalendarBody,
    response: { status: 201, description: 'Created' },
    handler: async ({ body }) => settings.putCalendar(undefined, body),
  });
  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/sla/calendars/:id',
    summary: 'Replace a business-hours calendar',
    tag: TAG,
    permission: 'settings.manage',
    params: IdParams,
    body: CalendarBody,
    handler: async ({ params, body }) => settings.putCalendar(params.id, body),
  });
  addRoute(app, {
    method: 'DELETE',
    url: '/api/v1/sla/calendars/:id',
    summary: 'Delete a calendar no policy uses',
    tag: TAG,
    permission: 'settings.manage',
    params: IdParams,
    response: { status: 204, description: 'Deleted' },
    handler: async ({ params, reply }) => {
      await settings.deleteCalendar(params.id);
      return reply.status(204).send();
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/sla/policies',
    summary: 'SLA policies in precedence order (the first match applies)',
    tag: TAG,
    permission: 'settings.manage',
    handler: async () => ({ data: await settings.listPolicies() }),
  });
  addRoute(app, {
    method: 'POST',
    url: '/api/v1/sla/policies',
    summary: 'Create an SLA policy',
    tag: TAG,
    permission: 'settings.manage',
    body: PolicyBody,
    response: { status: 201, description: 'Created' },
    handler: async ({ body }) => settings.putPolicy(undefined, body),
  });
  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/sla/policies/:id',
    summary: 'Replace an SLA policy',
    tag: TAG,
    permission: 'settings.manage',
    params: IdParams,
    body: PolicyBody,
    handler: async ({ params, body }) => settings.putPolicy(params.id, body),
  });
  addRoute(app, {
    method: 'DELETE',
    url: '/api/v1/sla/policies/:id',
    summary: 'Delete a policy that no ticket has used (disable it otherwise)',
    tag: TAG,
    permission: 'settings.manage',
    params: IdParams,
    response: { status: 204, description: 'Deleted' },
    handler: async ({ params, reply }) => {
      await settings.deletePolicy(params.id);
      return reply.status(204).send();
    },
  });
  addRoute(app, {
    method: 'POST',
    url: '/api/v1/sla/policies/dry-run',
    summary: 'Which policy a ticket gets, and why each policy before it did not apply',
    tag: TAG,
    permission: 'settings.manage',
    body: DryRunBody,
    handler: async ({ body }) => {
      const ticket = await db
        .selectFrom('tickets')
        .select('id')
        .where('id', '=', body.ticketId)
        .executeTakeFirst();
      if (!ticket) {
        throw notFound('ticket', body.ticketId);
      }
      const facts = await readTicketFacts(db, body.ticketId);
      const { policy, trace } = choosePolicy(await settings.listPolicies(), facts);
      return {
        facts,
        policyId: policy?.id ?? null,
        targets: policy?.targets[facts.priority as keyof typeof policy.targets] ?? null,
        trace,
      };
    },
  });

  for (const which of ['at-risk', 'breached'] as const) {
    addRoute(app, {
      method: 'GET',
      url: `/api/v1/sla/${which}`,
      summary:
        which === 'at-risk'
          ? 'Running SLA timers past their warning point, soonest breach first'
          : 'Breached SLA timers still owed, longest overdue first',
      tag: TAG,
      query: QueueQuery,
      permission: 'tickets.read',
      handler: async ({ query, principal }) => ({
        data: await listQueue(db, ticketViewerOf(principal), which, deps.clock.now(), query.limit),
      }),
    });
  }

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/sla/compliance',
    summary: 'Achieved, breached and in-progress SLA timers started in [from, to), per policy, team or agent',
    tag: TAG,
    permission: 'reports.read',
    query: ComplianceQuery,
    handler: async ({ query }) => ({ data: await computeCompliance(db, query) }),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/sla/timers',
    summary: 'Running SLA timers of the given tickets (comma-separated ids), for countdown badges',
    tag: TAG,
    query: TimersQuery,
    permission: 'tickets.read',
    handler: async ({ query, principal }) => ({
      data: await listRunningTimers(db, ticketViewerOf(principal), query.ticketIds),
      now: deps.clock.now(),
    }),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/sla/tickets/:id',
    summary: 'Every SLA timer of one ticket, running and finished',
    tag: TAG,
    params: IdParams,
    permission: 'tickets.read',
    handler: async ({ params, principal, request }) => {
      await requireVisibleTicket(db, principal, params.id, request);
      return { data: await listTicketTimers(db, params.id), now: deps.clock.now() };
    },
  });
}
