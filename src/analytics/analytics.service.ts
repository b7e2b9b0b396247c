import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { loadAgentFigures } from './agents.repo.ts';
import type { FactFilter, Range } from './analytics.types.ts';
import { type BreakdownKey, groupingFor, toBreakdownRows } from './breakdown.ts';
import { emptyTotals, summarise } from './kpis.ts';
import { loadLiveNumbers } from './live.ts';
import { loadHourOfWeek, loadMediaCounts, loadTotals } from './report.repo.ts';
import { planStaffing, type StaffingQuery } from './staffing/staffing.service.ts';

export interface AnalyticsSettings {
  /** FCR and repeat-contact window (default 7 days). */
  contactWindowMs: number;
  /** Chats one agent handles at once, for utilisation (and staffing). */
  chatsPerAgent: number;
}

/** The period of the same length just before `range`. */
export function previousRange(range: Range): Range {
  return { from: range.from - (range.to - range.from), to: range.from };
}

/** Reports read the fact tables (kept up to date by `analytics.refresh-facts`), never the messages. */
export function createAnalyticsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  settings: AnalyticsSettings;
}) {
  const { db, clock, settings } = deps;

  async function period(range: Range, filter: FactFilter) {
    const [groups, media] = await Promise.all([
      loadTotals(db, range, filter, 'all'),
      loadMediaCounts(db, range, filter),
    ]);
    return { range, kpis: summarise(groups.get('all') ?? emptyTotals()), media };
  }

  return {
    /** The period's KPIs next to the previous period's. */
    async summary(range: Range, filter: FactFilter) {
      const [current, previous] = await Promise.all([
        period(range, filter),
        period(previousRange(range), filter),
      ]);
      return { current, previous };
    },

    async breakdown(range: Range, by: BreakdownKey, filter: FactFilter) {
      const groups = await loadTotals(db, range, filter, groupingFor(by));
      return { range, by, rows: toBreakdownRows(groups, by) };
    },

    async heatmap(range: Range, utcOffsetMinutes: number, filter: FactFilter) {
      return {
        range,
        utcOffsetMinutes,
        ticketsOpened: await loadHourOfWeek(db, range, filter, utcOffsetMinutes),
      };
    },

    async live() {
      return loadLiveNumbers(db, clock.now());
    },

    async staffing(query: StaffingQuery) {
      return planStaffing(db, clock.now(), settings.chatsPerAgent, query);
    },

    async agents(range: Range, agentId?: string) {
      const agents = await loadAgentFigures(db, range, {
        capacity: settings.chatsPerAgent,
        now: clock.now(),
        ...(agentId ? { agentId } : {}),
      });
      return { range, chatsPerAgent: settings.chatsPerAgent, agents };
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
