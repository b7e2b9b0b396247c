import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../store/index.ts';
import type { Dimension, FactFilter, Range } from './analytics.types.ts';
import { emptyTotals, type KpiTotals, TICKET_COUNTS } from './kpis.ts';

/** What rows are grouped by: a dimension, the UTC day (epoch days), or nothing. */
export type Grouping = Dimension | 'day' | 'all';

const DAY_MS = 86_400_000;

const FACT_COLUMNS: Record<Dimension, string> = {
  team: 'f.team_id',
  agent: 'f.agent_id',
  tier: 'f.tier',
  category: 'f.category',
  language: 'f.language',
  channel: 'f.channel_id',
  segment: 'f.segment',
};

const SURVEY_COLUMNS: Record<Dimension, string> = {
  team: 's.team_id',
  agent: 's.agent_id',
  tier: 't.tier',
  category: 't.category',
  language: 't.language',
  channel: 't.channel_id',
  segment: 'c.segment',
};

function keyOf(
  grouping: Grouping,
  columns: Record<Dimension, string>,
  timeColumn: string,
): RawBuilder<unknown> {
  switch (grouping) {
    case 'all':
      return sql`'all'`;
    case 'day':
      return sql`${sql.ref(timeColumn)} / ${sql.lit(DAY_MS)}`;
    default:
      return sql.ref(columns[grouping]);
  }
}

/** Group key as the map key: dimensions as their value, days as their epoch-day number. */
const toKey = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/**
 * Adds up the fact tables over tickets opened in the range and surveys sent in it, per group: counts,
 * duration sums and histograms, survey answers per score. A handful of aggregate queries, none over messages.
 */
export async function loadTotals(
  db: Kysely<Database>,
  range: Range,
  filter: FactFilter,
  grouping: Grouping,
): Promise<Map<string | null, KpiTotals>> {
  const factKey = keyOf(grouping, FACT_COLUMNS, 'f.opened_at');
  const facts = () => {
    let q = db
      .selectFrom('analytics_ticket_facts as f')
      .where('f.opened_at', '>=', range.from)
      .where('f.opened_at', '<', range.to);
    if (filter.agentId) {
      q = q.where('f.agent_id', '=', filter.agentId);
    }
    if (filter.teamId) {
      q = q.where('f.team_id', '=', filter.teamId);
    }
    return q;
  };
  // PostgreSQL refuses a constant in GROUP BY: the 'all' key is selected but not grouped by.
  const by = (...rest: RawBuilder<unknown>[]) => (grouping === 'all' ? rest : [factKey, ...rest]);

  const countColumns = TICKET_COUNTS.filter((name) => name !== 'opened');
  const measured = ['frt', 'bot_frt', 'resolution', 'close'] as const;
  const [countRows, histogramRows, waitRows, surveyRows] = await Promise.all([
    facts()
      .select([
        factKey.as('key'),
        sql<number>`count(*)`.as('opened'),
        ...countColumns.map((name) => sql<number>`sum(${sql.ref(`f.${name}`)})`.as(name)),
        ...measured.flatMap((name) => [
          sql<number>`count(${sql.ref(`f.${name}_ms`)})`.as(`${name}_count`),
          sql<number>`sum(${sql.ref(`f.${name}_ms`)})`.as(`${name}_sum`),
        ]),
      ])
      .$if(grouping !== 'all', (q) => q.groupBy(factKey))
      .execute(),
    Promise.all(
      measured.map((name) => {
        const bucket = sql.ref(`f.${name}_bucket`);
        return facts()
          .select([factKey.as('key'), bucket.as('bucket'), sql<number>`count(*)`.as('n')])
          .where(bucket, 'is not', null)
          .groupBy(by(bucket))
          .execute();
      }),
    ),
    facts()
      .innerJoin('analytics_waits as w', 'w.ticket_id', 'f.ticket_id')
      .select([
        factKey.as('key'),
        'w.bucket',
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(w.wait_ms)`.as('total'),
      ])
      .groupBy(by(sql.ref('w.bucket')))
      .execute(),
    loadSurveyRows(db, range, filter, grouping),
  ]);

  const groups = new Map<string | null, KpiTotals>();
  const groupOf = (value: unknown) => {
    const key = toKey(value);
    let totals = groups.get(key);
    if (!totals) {
      totals = emptyTotals();
      groups.set(key, totals);
    }
    return totals;
  };
  for (const row of countRows as Record<string, unknown>[]) {
    if (Number(row.opened) === 0) {
      continue;
    }
    const totals = groupOf(row.key);
    for (const name of TICKET_COUNTS) {
      totals.counts[name] = Number(row[name] ?? 0);
    }
    for (const name of measured) {
      totals.durations[name].count = Number(row[`${name}_count`] ?? 0);
      totals.durations[name].sum = Number(row[`${name}_sum`] ?? 0);
    }
  }
  measured.forEach((name, i) => {
    for (const row of histogramRows[i]!) {
      groupOf(row.key).durations[name].histogram.set(Number(row.bucket), Number(row.n));
    }
  });
  for (const row of waitRows) {
    const wait = groupOf(row.key).durations.next_response;
    wait.count += Number(row.n);
    wait.sum += Number(row.total);
    wait.histogram.set(Number(row.bucket), Number(row.n));
  }
  for (const row of surveyRows) {
    const survey = groupOf(row.key)[row.kind === 'nps' ? 'nps' : 'csat'];
    survey.sent += Number(row.n);
    if (row.score !== null) {
      survey.scores.set(Number(row.score), Number(row.n));
    }
  }
  return groups;
}

function loadSurveyRows(db: Kysely<Database>, range: Range, filter: FactFilter, grouping: Grouping) {
  const key = keyOf(grouping, SURVEY_COLUMNS, 's.sent_at');
  let q = db
    .selectFrom('surveys as s')
    .leftJoin('tickets as t', 't.id', 's.ticket_id')
    .innerJoin('contacts as c', 'c.id', 's.contact_id')
    .select([key.as('key'), 's.kind', 's.score', sql<number>`count(*)`.as('n')])
    .where('s.sent_at', '>=', range.from)
    .where('s.sent_at', '<', range.to)
    .groupBy(grouping === 'all' ? ['s.kind', 's.score'] : [key, 's.kind', 's.score']);
  if (filter.agentId) {
    q = q.where('s.agent_id', '=', filter.agentId);
  }
  if (filter.teamId) {
    q = q.where('s.team_id', '=', filter.teamId);
  }
  return q.execute();
}

/** Media of the tickets opened in the range, by kind and direction. */
export async function loadMediaCounts(db: Kysely<Database>, range: Range, filter: FactFilter) {
  let q = db
    .selectFrom('analytics_ticket_media as m')
    .innerJoin('analytics_ticket_facts as f', 'f.ticket_id', 'm.ticket_id')
    .select(['m.kind', 'm.direction', sql<number>`sum(m.n)`.as('n')])
    .where('f.opened_at', '>=', range.from)
    .where('f.opened_at', '<', range.to)
    .groupBy(['m.kind', 'm.direction']);
  if (filter.agentId) {
    q = q.where('f.agent_id', '=', filter.agentId);
  }
  if (filter.teamId) {
    q = q.where('f.team_id', '=', filter.teamId);
  }
  const media: Record<string, { inbound: number; outbound: number }> = {};
  for (const row of await q.execute()) {
    media[row.kind] ??= { inbound: 0, outbound: 0 };
    media[row.kind]![row.direction === 'inbound' ? 'inbound' : 'outbound'] += Number(row.n);
  }
  return media;
}

/** Tickets opened per hour of the week (Monday 00:00 first), `utcOffsetMinutes` east of UTC. */
export async function loadHourOfWeek(
  db: Kysely<Database>,
  range: Range,
  filter: FactFilter,
  utcOffsetMinutes: number,
): Promise<number[][]> {
  // 1 January 1970 was a Thursday: 72 hours after a Monday midnight.
  const hour = sql<number>`((f.opened_at + ${sql.lit(utcOffsetMinutes * 60_000)}) / ${sql.lit(3_600_000)} + 72) % 168`;
  let q = db
    .selectFrom('analytics_ticket_facts as f')
    .select([hour.as('hour'), sql<number>`count(*)`.as('n')])
    .where('f.opened_at', '>=', range.from)
    .where('f.opened_at', '<', range.to)
    .groupBy(hour);
  if (filter.agentId) {
    q = q.where('f.agent_id', '=', filter.agentId);
  }
  if (filter.teamId) {
    q = q.where('f.team_id', '=', filter.teamId);
  }
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const row of await q.execute()) {
    const h = Number(row.hour);
    grid[Math.floor(h / 24)]![h % 24] = Number(row.n);
  }
  return grid;
}
