import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { loadAgentFigures } from './agents.repo.ts';
import type { FactFilter, KpiOptions, Range } from './analytics.types.ts';
import { type BreakdownKey, breakdown, hourOfWeek } from './breakdown.ts';
import { loadSurveyFacts, loadTicketFacts, loadVolume } from './facts.repo.ts';
import { summarise } from './kpis.ts';

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

export function createAnalyticsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  settings: AnalyticsSettings;
}) {
  const { db, clock, settings } = deps;
  const options = (): KpiOptions => ({ contactWindowMs: settings.contactWindowMs, now: clock.now() });

  async function kpisOf(range: Range, filter: FactFilter) {
    const [tickets, surveys, volume] = await Promise.all([
      loadTicketFacts(db, range, filter),
      loadSurveyFacts(db, range, filter),
      loadVolume(db, range, filter),
    ]);
    return { range, kpis: summarise(tickets, surveys, options()), volume };
  }

  return {
    /** The period's KPIs and volume next to the previous period's. */
    async summary(range: Range, filter: FactFilter) {
      const [current, previous] = await Promise.all([
        kpisOf(range, filter),
        kpisOf(previousRange(range), filter),
      ]);
      return { current, previous };
    },

    async breakdown(range: Range, by: BreakdownKey, filter: FactFilter) {
      const [tickets, surveys] = await Promise.all([
        loadTicketFacts(db, range, filter),
        loadSurveyFacts(db, range, filter),
      ]);
      return { range, by, rows: breakdown(tickets, surveys, by, options()) };
    },

    async heatmap(range: Range, utcOffsetMinutes: number, filter: FactFilter) {
      const tickets = await loadTicketFacts(db, range, filter);
      return { range, utcOffsetMinutes, ticketsOpened: hourOfWeek(tickets, utcOffsetMinutes) };
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
