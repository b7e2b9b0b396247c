import {
  DIMENSIONS,
  type Dimension,
  type KpiOptions,
  type Period,
  type SurveyFact,
  type TicketFact,
} from './analytics.types.ts';
import { type KpiSummary, summarise } from './kpis.ts';

export type BreakdownKey = Dimension | Period;

export interface BreakdownRow {
  /** The group's value (a team id, 'L2', '2026-03-02'…); null for tickets without one. */
  key: string | null;
  kpis: KpiSummary;
}

const DAY_MS = 86_400_000;

/** The UTC calendar bucket of a timestamp: '2026-03-02' for day and week (its Monday), '2026-03' for month. */
export function periodKey(at: number, period: Period): string {
  const date = new Date(at);
  switch (period) {
    case 'day':
      return date.toISOString().slice(0, 10);
    case 'week':
      return new Date(Math.floor(at / DAY_MS) * DAY_MS - ((date.getUTCDay() + 6) % 7) * DAY_MS)
        .toISOString()
        .slice(0, 10);
    case 'month':
      return date.toISOString().slice(0, 7);
  }
}

function isDimension(key: BreakdownKey): key is Dimension {
  return (DIMENSIONS as readonly string[]).includes(key);
}

/** The KPIs of each group, groups in key order (nulls last). */
export function breakdown(
  tickets: readonly TicketFact[],
  surveys: readonly SurveyFact[],
  by: BreakdownKey,
  options: KpiOptions,
): BreakdownRow[] {
  const keyOf = (fact: TicketFact | SurveyFact, at: number) =>
    isDimension(by) ? fact[by] : periodKey(at, by);
  const groups = new Map<string | null, { tickets: TicketFact[]; surveys: SurveyFact[] }>();
  const groupOf = (key: string | null) => {
    let group = groups.get(key);
    if (!group) {
      group = { tickets: [], surveys: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const ticket of tickets) {
    groupOf(keyOf(ticket, ticket.openedAt)).tickets.push(ticket);
  }
  for (const survey of surveys) {
    groupOf(keyOf(survey, survey.sentAt)).surveys.push(survey);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([key, group]) => ({ key, kpis: summarise(group.tickets, group.surveys, options) }));
}

/**
 * Peak hours: tickets opened per hour of the week, rows Monday…Sunday, columns 0…23, in the time zone
 * `utcOffsetMinutes` east of UTC.
 */
export function hourOfWeek(tickets: readonly TicketFact[], utcOffsetMinutes = 0): number[][] {
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const ticket of tickets) {
    const local = new Date(ticket.openedAt + utcOffsetMinutes * 60_000);
    grid[(local.getUTCDay() + 6) % 7]![local.getUTCHours()]! += 1;
  }
  return grid;
}
