import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { EventBus } from '../events/index.ts';
import { addRoute, IdParams } from '../http/route.ts';
import { AppError, type Clock } from '../kernel/index.ts';
import type { Database, Dialect } from '../store/index.ts';
import { requireVisibleTicket } from '../tickets/index.ts';
import { type CompiledRule, evaluateRules } from './engine/evaluate.ts';
import { RuleInputSchema } from './engine/rule.schema.ts';
import { escalateTicket } from './escalation.ts';
import { FlowInputSchema } from './flows/flow.schema.ts';
import type { FlowsStore } from './flows/flows.repo.ts';
import { setPresence } from './presence.ts';
import {
  AgentProfileBody,
  DryRunBody,
  EscalateBody,
  EscalationPathsBody,
  PresenceBody,
  TeamBody,
} from './routing.schemas.ts';
import type { RulesStore } from './rules.repo.ts';
import { scoreSentiment } from './sentiment/sentiment.ts';
import { listRoutingTeams, saveAgentProfile, saveEscalationPaths, saveTeam } from './teams.repo.ts';

export interface RoutingRoutesDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  events: EventBus;
  rules: RulesStore;
  flows: FlowsStore;
  compiled: () => Promise<CompiledRule[]>;
  /** Runs assignment now (capacity may have freed). */
  assignSoon: () => void;
}

export async function routingRoutes(app: FastifyInstance, deps: RoutingRoutesDeps) {
  const { db, rules } = deps;
  const tag = 'routing';

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/routing/rules',
    summary: 'Routing rules, in order',
    tag,
    permission: 'settings.manage',
    handler: async () => ({ data: await rules.list() }),
  });
  addRoute(app, {
    method: 'POST',
    url: '/api/v1/routing/rules',
    summary: 'Add a routing rule',
    tag,
    permission: 'settings.manage',
    body: RuleInputSchema,
    response: { status: 201, description: 'The rule' },
    handler: async ({ body, principal }) => ({ data: await rules.create(body, principal.userId) }),
  });
  addRoute(app, {
    method: 'GET',
    url: '/api/v1/routing/rules/:id',
    summary: 'One routing rule',
    tag,
    permission: 'settings.manage',
    params: IdParams,
    handler: async ({ params }) => ({ data: await rules.get(params.id) }),
  });
  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/routing/rules/:id',
    summary: 'Replace a routing rule (a new version)',
    tag,
    permission: 'settings.manage',
    params: IdParams,
    body: RuleInputSchema,
    handler: async ({ params, body, principal }) => ({
      data: await rules.update(params.id, body, principal.userId),
    }),
  });
  addRoute(app, {
    method: 'DELETE',
    url: '/api/v1/routing/rules/:id',
    summary: 'Delete a routing rule (its versions stay)',
    tag,
    permission: 'settings.manage',
    params: IdParams,
    handler: async ({ params, principal, reply }) => {
      await rules.remove(params.id, principal.userId);
      return reply.status(204).send();
    },
  });
  addRoute(app, {
    method: 'GET',
    url: '/api/v1/routing/rules/:id/versions',
    summary: 'Every version of a rule, newest first',
    tag,
    permission: 'settings.manage',
    params: IdParams,
    handler: async ({ params }) => ({ data: await rules.listVersions(params.id) }),
  });
  addRoute(app, {
    method: 'POST',
    url: '/api/v1/routing/dry-run',
    summary: 'Which rules would fire for a sample message, and why',
    tag,
    permission: 'settings.manage',
    body: DryRunBody,
    handler: async ({ body }) => {
      const { at, ...facts } = body;
      const decision = evaluateRules(await deps.compiled(), {
        ...facts,
        sentiment: facts.text ? scoreSentiment(facts.text) : null,
        now: at ?? deps.clock.now(),
      });
      return { data: decision };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/routing/flows',
    summary: 'Bot flows',
    tag,
    permission: 'settings.manage',
    handler: async () => ({ data: await deps.flows.list() }),
  });
  addRoute(app, {
    method: 'POST',
    url: '/api/v1/routing/flows',
    summary: 'Add a bot flow (FAQ answers, menus, hand-off)',
    tag,
    permission: 'settings.manage',
    body: FlowInputSchema,
    response: { status: 201, description: 'The flow' },
    handler: async ({ body }) => ({ data: await deps.flows.save(undefined, body) }),
  });
  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/routing/flows/:id',
    summary: 'Replace a bot flow (a new version)',
    tag,
    permission: 'settings.manage',
    params: IdParams,
    body: FlowInputSchema,
    handler: async ({ params, body }) => ({ data: await deps.flows.save(params.id, body) }),
  });
  addRoute(app, {
    method: 'GET',
    url: '/api/v1/routing/teams',
    summary: 'Teams with assignment settings and members',
    tag,
    handler: async () => ({ data: await listRoutingTeams(db) }),
  });
  addRoute(app, {
    method: 'POST',
    url: '/api/v1/routing/teams',
    summary: 'Create a team',
    tag,
    permission: 'settings.manage',
    body: TeamBody,
    response: { status: 201, description: 'The team' },
    handler: async ({ body }) => {
      const id = await saveTeam(db, undefined, body, deps.clock.now());
      deps.assignSoon();
      return { data: { id } };
    },
  });
  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/routing/teams/:id',
    summary: 'Change a team’s name, strategy, offline policy and members',
    tag,
    permission: 'settings.manage',
    params: IdParams,
    body: TeamBody,
    handler: async ({ params, body }) => {
      await saveTeam(db, params.id, body, deps.clock.now());
      deps.assignSoon();
      return { data: { id: params.id } };
    },
  });
  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/routing/agents/:id',
    summary: 'An agent’s skills, languages and concurrent-ticket cap',
    tag,
    permission: 'settings.manage',
    params: IdParams,
    body: AgentProfileBody,
    handler: async ({ params, body }) => {
      await saveAgentProfile(db, params.id, body);
      deps.assignSoon();
      return { data: { userId: params.id, ...body } };
    },
  });
  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/routing/escalation-paths',
    summary: 'The team each tier escalates to',
    tag,
    permission: 'settings.manage',
    body: EscalationPathsBody,
    handler: async ({ body }) => {
      await saveEscalationPaths(db, body);
      return { data: body };
    },
  });
  addRoute(app, {
    method: 'GET',
    url: '/api/v1/me/presence',
    summary: 'Your presence',
    tag,
    handler: async ({ principal }) => {
      const row = principal.userId
        ? await db
            .selectFrom('users')
            .select('presence')
            .where('id', '=', principal.userId)
            .executeTakeFirst()
        : undefined;
      return { data: { presence: row?.presence ?? 'offline' } };
    },
  });
  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/me/presence',
    summary: 'Set your presence (online, away, offline)',
    tag,
    body: PresenceBody,
    permission: 'tickets.write',
    handler: async ({ body, principal }) => {
      if (!principal.userId) {
        throw new AppError('forbidden', 'auth.not_a_user', 'API tokens have no presence.');
      }
      const result = await setPresence(deps, principal.userId, body.presence);
      if (result.changed) {
        await deps.events.publish(
          result.requeued.map((ticketId) => ({ type: 'ticket.updated' as const, ticketId })),
        );
        deps.assignSoon();
      }
      return { data: { presence: body.presence, requeued: result.requeued } };
    },
  });
  addRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/:id/escalate',
    summary: 'Escalate a ticket one tier up, with a reason',
    tag,
    params: IdParams,
    body: EscalateBody,
    permission: 'tickets.write',
    handler: async ({ params, body, principal, request }) => {
      await requireVisibleTicket(db, principal, params.id, request);
      const actor = {
        type: principal.userId ? ('agent' as const) : ('system' as const),
        id: principal.userId,
      };
      const result = await db
        .transaction()
        .execute((trx) =>
          escalateTicket(trx, { ticketId: params.id, reason: body.reason, actor, clock: deps.clock }),
        );
      await deps.events.publish([{ type: 'ticket.updated', ticketId: params.id }]);
      deps.assignSoon();
      return { data: result };
    },
  });
}
