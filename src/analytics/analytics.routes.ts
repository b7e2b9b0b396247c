import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Principal } from '../auth/index.ts';
import { addRoute } from '../http/route.ts';
import { DAY, invalidInput } from '../kernel/index.ts';
import { BreakdownQuery, HeatmapQuery, RangeQuery, StaffingQuery } from './analytics.schemas.ts';
import type { AnalyticsService } from './analytics.service.ts';
import type { FactFilter, Range } from './analytics.types.ts';
import { flatten, toCsv } from './csv.ts';

export const MAX_RANGE_DAYS = 400;

function resolveRange(query: RangeQuery, now: number): Range {
  const to = query.to ?? now;
  const from = query.from ?? to - 30 * DAY;
  if (from >= to) {
    throw invalidInput('analytics.empty_range', 'from: must be before to', { field: 'from' });
  }
  if (to - from > MAX_RANGE_DAYS * DAY) {
    throw invalidInput('analytics.range_too_long', `to: the range may span at most ${MAX_RANGE_DAYS} days`, {
      field: 'to',
      limit: MAX_RANGE_DAYS,
    });
  }
  return { from, to };
}

/** Agents see their own figures only; supervisors and admins everyone's (optionally one team's). */
function filterFor(principal: Principal, query: RangeQuery): FactFilter {
  return {
    ...(!principal.permissions.includes('reports.read') ? { agentId: principal.userId ?? '' } : {}),
    ...(query.teamId ? { teamId: query.teamId } : {}),
  };
}

function respond(
  reply: FastifyReply,
  format: 'json' | 'csv',
  name: string,
  body: unknown,
  rows: () => unknown[],
) {
  if (format === 'json') {
    return body;
  }
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="sightline-${name}.csv"`);
  return toCsv(rows().map((row) => flatten(row)));
}

export async function analyticsRoutes(
  app: FastifyInstance,
  deps: { service: AnalyticsService; now: () => number },
) {
  const { service, now } = deps;

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/summary',
    summary: 'KPIs and volume of a period next to the previous period (docs/analytics.md)',
    tag: 'analytics',
    permission: 'tickets.read',
    query: RangeQuery,
    handler: async ({ query, principal, reply }) => {
      const result = await service.summary(resolveRange(query, now()), filterFor(principal, query));
      return respond(reply, query.format, 'summary', result, () => [
        { period: 'current', ...result.current },
        { period: 'previous', ...result.previous },
      ]);
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/breakdown',
    summary: 'KPIs per day, week, month, team, agent, tier, category, language, channel or segment',
    tag: 'analytics',
    permission: 'tickets.read',
    query: BreakdownQuery,
    handler: async ({ query, principal, reply }) => {
      const result = await service.breakdown(
        resolveRange(query, now()),
        query.by,
        filterFor(principal, query),
      );
      return respond(reply, query.format, `by-${query.by}`, result, () =>
        result.rows.map((row) => ({ [query.by]: row.key, ...row.kpis })),
      );
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/heatmap',
    summary: 'Tickets opened per hour of the week (peak hours)',
    tag: 'analytics',
    permission: 'tickets.read',
    query: HeatmapQuery,
    handler: async ({ query, principal, reply }) => {
      const result = await service.heatmap(
        resolveRange(query, now()),
        query.utcOffsetMinutes,
        filterFor(principal, query),
      );
      const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
      return respond(reply, query.format, 'heatmap', result, () =>
        result.ticketsOpened.map((hours, day) => ({
          day: days[day],
          ...Object.fromEntries(hours.map((n, hour) => [`h${hour}`, n])),
        })),
      );
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/agents',
    summary: 'Online time, occupancy, utilisation and current load per agent',
    tag: 'analytics',
    permission: 'tickets.read',
    query: RangeQuery,
    handler: async ({ query, principal, reply }) => {
      const result = await service.agents(
        resolveRange(query, now()),
        !principal.permissions.includes('reports.read') ? (principal.userId ?? '') : undefined,
      );
      return respond(reply, query.format, 'agents', result, () => result.agents);
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/staffing',
    summary: 'Arrivals forecast per hour and the agents needed for a service level (Erlang C)',
    tag: 'analytics',
    permission: 'reports.read',
    query: StaffingQuery,
    handler: async ({ query, reply }) => {
      const { format, ...plan } = query;
      const result = await service.staffing(plan);
      return respond(reply, format, 'staffing', result, () =>
        result.hours.map((hour) => ({ ...hour, agentsOnline: result.agentsOnline })),
      );
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/live',
    summary:
      'Live numbers: open and waiting tickets, longest wait, agents online (also as SSE at /live/stream)',
    tag: 'analytics',
    permission: 'tickets.read',
    handler: async () => service.live(),
  });
}
