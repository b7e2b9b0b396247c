import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../store/index.ts';
import type { Dimension, FactFilter, Range } from './analytics.types.ts';
import { DURATIONS, type DurationName, emptyTotals, type KpiTotals, TICKET_COUNTS } from './kpis.ts';
import { monthOf, monthStart, type RollupDimension } from './rollup.ts';

/** What rows are grouped by: a dimension, the UTC day (epoch days), the calendar month (epoch months), or nothing. */
export type Grouping = Dimension | 'day' | 'month' | 'all';

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

const WAIT_COLUMNS: Record<Dimension, string> = { ...FACT_COLUMNS, team: 'w.team_id', agent: 'w.agent_id' };

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
    case 'month':
      return sql`${sql.ref(timeColumn)} / ${sql.lit(DAY_MS)}`;
    default:
      return sql.ref(columns[grouping]);
  }
}

/** Group key as the map key: dimensions as their value, days as their epoch-day number. */
const toKey = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** Totals per group key; rows of several sources add up into the same group. */
class Groups {
  readonly map = new Map<string | null, KpiTotals>();

  readonly grouping: Grouping;

  constructor(grouping: Grouping) {
    this.grouping = grouping;
  }

  /** Keys of day-grained sources (fact rows, the daily rollup, surveys) as the grouping's key. */
  fromDay(key: unknown): unknown {
    return this.grouping === 'month' && key !== null ? monthOf(Number(key) * DAY_MS) : key;
  }

  of(value: unknown): KpiTotals {
    const key = toKey(value);
    let totals = this.map.get(key);
    if (!totals) {
      totals = emptyTotals();
      this.map.set(key, totals);
    }
    return totals;
  }

  /** Adds a row of counts and duration sums (`<name>_count`, `<name>_sum`). */
  addCounts(row: Record<string, unknown>, durations: readonly DurationName[]): void {
    if (
      TICKET_COUNTS.every((name) => Number(row[name] ?? 0) === 0) &&
      durations.every((name) => Number(row[`${name}_count`] ?? 0) === 0)
    ) {
      return;
    }
    const totals = this.of(row.key);
    for (const name of TICKET_COUNTS) {
      totals.counts[name] += Number(row[name] ?? 0);
    }
    for (const name of durations) {
      totals.durations[name].count += Number(row[`${name}_count`] ?? 0);
      totals.durations[name].sum += Number(row[`${name}_sum`] ?? 0);
    }
  }

  addBucket(key: unknown, name: DurationName, bucket: unknown, n: unknown): void {
    const histogram = this.of(key).durations[name].histogram;
    histogram.set(Number(bucket), (histogram.get(Number(bucket)) ?? 0) + Number(n));
  }
}

const MEASURED = ['frt', 'bot_frt', 'resolution', 'close'] as const;

/**
 * Adds up tickets opened in the range and surveys sent in it, per group: counts, duration sums and
 * histograms, survey answers per score. Whole UTC days come from the daily rollup when it holds the
 * grouping (no filter, or one agent's or team's totals and days); the partial days at either end, and
 * what the rollup does not hold, from the fact rows. No query reads messages.
 */
export async function loadTotals(
  db: Kysely<Database>,
  range: Range,
  filter: FactFilter,
  grouping: Grouping,
): Promise<Map<string | null, KpiTotals>> {
  const groups = new Groups(grouping);
  const slice = rollupSlice(filter, grouping);
  const facts = (part: Range, what: FactParts) => addFactTotals(db, groups, part, filter, grouping, what);
  const parts: Promise<void>[] = [addSurveyTotals(db, groups, range, filter, grouping)];
  // Counts: whole UTC days from the daily rollup, the partial days at either end from the fact rows.
  const firstDay = Math.ceil(range.from / DAY_MS);
  const lastDay = Math.floor(range.to / DAY_MS);
  if (slice && firstDay < lastDay) {
    parts.push(addRollupCounts(db, groups, slice, firstDay, lastDay));
    parts.push(...edges(range, firstDay * DAY_MS, lastDay * DAY_MS).map((part) => facts(part, 'counts')));
  } else {
    parts.push(facts(range, 'counts'));
  }
  // Histograms: whole days of all tickets from the daily histograms; a dimension's (or one agent's or
  // team's) whole calendar months from the monthly ones; the rest from the fact rows.
  const firstMonth = monthOf(range.from) + (monthStart(monthOf(range.from)) < range.from ? 1 : 0);
  const lastMonth = monthOf(range.to);
  if (slice?.dim === 'all' && firstDay < lastDay) {
    parts.push(addDailyHistograms(db, groups, firstDay, lastDay));
    parts.push(...edges(range, firstDay * DAY_MS, lastDay * DAY_MS).map((part) => facts(part, 'histograms')));
  } else if (slice && grouping !== 'day' && firstMonth < lastMonth) {
    parts.push(addRollupHistograms(db, groups, slice, firstMonth, lastMonth));
    parts.push(
      ...edges(range, monthStart(firstMonth), monthStart(lastMonth)).map((part) => facts(part, 'histograms')),
    );
  } else {
    parts.push(facts(range, 'histograms'));
  }
  await Promise.all(parts);
  return groups.map;
}

/** The parts of `range` before `from` and after `to`. */
function edges(range: Range, from: number, to: number): Range[] {
  return [
    ...(range.from < from ? [{ from: range.from, to: from }] : []),
    ...(to < range.to ? [{ from: to, to: range.to }] : []),
  ];
}

interface Slice {
  dim: RollupDimension;
  value?: string;
}

/** Which rollup rows answer this question, if any. */
function rollupSlice(filter: FactFilter, grouping: Grouping): Slice | null {
  const overTime = grouping === 'all' || grouping === 'day' || grouping === 'month';
  if (filter.agentId && filter.teamId) {
    return null;
  }
  if (filter.agentId || filter.teamId) {
    return overTime
      ? { dim: filter.agentId ? 'agent' : 'team', value: (filter.agentId ?? filter.teamId)! }
      : null;
  }
  return { dim: overTime ? 'all' : grouping };
}

function rollupKey(groups: Groups, time: 'day' | 'month') {
  const grouping = groups.grouping;
  const key =
    grouping === 'all'
      ? sql`'all'`
      : grouping === 'day' || grouping === 'month'
        ? sql.ref(time)
        : sql`nullif(value, '')`;
  const groupBy =
    grouping === 'all' ? [] : [grouping === 'day' || grouping === 'month' ? sql.ref(time) : sql.ref('value')];
  return { key, groupBy };
}

const sliceCondition = (slice: Slice) =>
  slice.value === undefined ? sql`` : sql` and value = ${slice.value}`;

async function addRollupCounts(
  db: Kysely<Database>,
  groups: Groups,
  slice: Slice,
  firstDay: number,
  lastDay: number,
) {
  const { key, groupBy } = rollupKey(groups, 'day');
  const rows = await db
    .selectFrom('analytics_daily')
    .where(
      sql<boolean>`dim = ${slice.dim} and day >= ${firstDay} and day < ${lastDay}${sliceCondition(slice)}`,
    )
    .select([
      key.as('key'),
      ...TICKET_COUNTS.map((name) => sql<number>`sum(${sql.ref(name)})`.as(name)),
      ...DURATIONS.flatMap((name) => [
        sql<number>`sum(${sql.ref(`${name}_count`)})`.as(`${name}_count`),
        sql<number>`sum(${sql.ref(`${name}_sum`)})`.as(`${name}_sum`),
      ]),
    ])
    .$if(groupBy.length > 0, (q) => q.groupBy(groupBy))
    .execute();
  for (const row of rows as Record<string, unknown>[]) {
    groups.addCounts({ ...row, key: groups.fromDay(row.key) }, DURATIONS);
  }
}

async function addRollupHistograms(
  db: Kysely<Database>,
  groups: Groups,
  slice: Slice,
  firstMonth: number,
  lastMonth: number,
) {
  const { key, groupBy } = rollupKey(groups, 'month');
  const rows = await db
    .selectFrom('analytics_monthly_hist')
    .where(
      sql<boolean>`dim = ${slice.dim} and month >= ${firstMonth} and month < ${lastMonth}${sliceCondition(slice)}`,
    )
    .select([key.as('key'), 'metric', 'bucket', sql<number>`sum(n)`.as('n')])
    .groupBy([...groupBy, sql.ref('metric'), sql.ref('bucket')])
    .execute();
  for (const row of rows) {
    groups.addBucket(row.key, row.metric as DurationName, row.bucket, row.n);
  }
}

async function addDailyHistograms(db: Kysely<Database>, groups: Groups, firstDay: number, lastDay: number) {
  const grouped = groups.grouping !== 'all';
  const rows = await db
    .selectFrom('analytics_daily_hist')
    .where('day', '>=', firstDay)
    .where('day', '<', lastDay)
    .select([
      grouped ? sql.ref('day').as('key') : sql`'all'`.as('key'),
      'metric',
      'bucket',
      sql<number>`sum(n)`.as('n'),
    ])
    .groupBy(grouped ? ['day', 'metric', 'bucket'] : ['metric', 'bucket'])
    .execute();
  for (const row of rows) {
    groups.addBucket(
      grouped ? groups.fromDay(row.key) : row.key,
      row.metric as DurationName,
      row.bucket,
      row.n,
    );
  }
}

type FactParts = 'counts' | 'histograms';

async function addFactTotals(
  db: Kysely<Database>,
  groups: Groups,
  range: Range,
  filter: FactFilter,
  grouping: Grouping,
  what: FactParts,
): Promise<void> {
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
  // Waits carry their ticket's opening, agent and team: the fact rows are joined only for other dimensions.
  const needsFacts = grouping in FACT_COLUMNS && grouping !== 'agent' && grouping !== 'team';
  const waitKey = keyOf(grouping, WAIT_COLUMNS, 'w.opened_at');
  const waitsBy = (...rest: RawBuilder<unknown>[]) => (grouping === 'all' ? rest : [waitKey, ...rest]);
  const waits = () =>
    db
      .selectFrom('analytics_waits as w')
      .$if(needsFacts, (q) => q.innerJoin('analytics_ticket_facts as f', 'f.ticket_id', 'w.ticket_id'))
      .where('w.opened_at', '>=', range.from)
      .where('w.opened_at', '<', range.to)
      .$if(Boolean(filter.agentId), (q) => q.where('w.agent_id', '=', filter.agentId!))
      .$if(Boolean(filter.teamId), (q) => q.where('w.team_id', '=', filter.teamId!))
      .select([
        waitKey.as('key'),
        'w.bucket',
        sql<number>`count(*)`.as('next_response_count'),
        sql<number>`sum(w.wait_ms)`.as('next_response_sum'),
      ]);
  if (what === 'counts') {
    const countColumns = TICKET_COUNTS.filter((name) => name !== 'opened');
    const [rows, waitRows] = await Promise.all([
      facts()
        .select([
          factKey.as('key'),
          sql<number>`count(*)`.as('opened'),
          ...countColumns.map((name) => sql<number>`sum(${sql.ref(`f.${name}`)})`.as(name)),
          ...MEASURED.flatMap((name) => [
            sql<number>`count(${sql.ref(`f.${name}_ms`)})`.as(`${name}_count`),
            sql<number>`sum(${sql.ref(`f.${name}_ms`)})`.as(`${name}_sum`),
          ]),
        ])
        .$if(grouping !== 'all', (q) => q.groupBy(factKey))
        .execute(),
      waits()
        .groupBy(waitsBy(sql.ref('w.bucket')))
        .execute(),
    ]);
    for (const row of [...rows, ...waitRows] as Record<string, unknown>[]) {
      groups.addCounts({ ...row, key: groups.fromDay(row.key) }, [...MEASURED, 'next_response']);
    }
    return;
  }
  const [histogramRows, waitRows] = await Promise.all([
    Promise.all(
      MEASURED.map((name) => {
        const bucket = sql.ref(`f.${name}_bucket`);
        return facts()
          .select([factKey.as('key'), bucket.as('bucket'), sql<number>`count(*)`.as('n')])
          .where(bucket, 'is not', null)
          .groupBy(by(bucket))
          .execute();
      }),
    ),
    waits()
      .groupBy(waitsBy(sql.ref('w.bucket')))
      .execute(),
  ]);
  MEASURED.forEach((name, i) => {
    for (const row of histogramRows[i]!) {
      groups.addBucket(groups.fromDay(row.key), name, row.bucket, row.n);
    }
  });
  for (const row of waitRows) {
    groups.addBucket(groups.fromDay(row.key), 'next_response', row.bucket, row.next_response_count);
  }
}

async function addSurveyTotals(
  db: Kysely<Database>,
  groups: Groups,
  range: Range,
  filter: FactFilter,
  grouping: Grouping,
): Promise<void> {
  for (const row of await loadSurveyRows(db, range, filter, grouping)) {
    const survey = groups.of(groups.fromDay(row.key))[row.kind === 'nps' ? 'nps' : 'csat'];
    survey.sent += Number(row.n);
    if (row.score !== null) {
      survey.scores.set(Number(row.score), (survey.scores.get(Number(row.score)) ?? 0) + Number(row.n));
    }
  }
}

function loadSurveyRows(db: Kysely<Database>, range: Range, filter: FactFilter, grouping: Grouping) {
  const key = keyOf(grouping, SURVEY_COLUMNS, 's.sent_at');
  // Join the ticket or contact only when the grouping is one of theirs.
  let q = db
    .selectFrom('surveys as s')
    .$if(['tier', 'category', 'language', 'channel'].includes(grouping), (j) =>
      j.leftJoin('tickets as t', 't.id', 's.ticket_id'),
    )
    .$if(grouping === 'segment', (j) => j.innerJoin('contacts as c', 'c.id', 's.contact_id'))
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
  // Media rows carry their ticket's opening: the fact rows are joined only to filter.
  const q = db
    .selectFrom('analytics_ticket_media as m')
    .$if(Boolean(filter.agentId || filter.teamId), (j) =>
      j.innerJoin('analytics_ticket_facts as f', 'f.ticket_id', 'm.ticket_id'),
    )
    .select(['m.kind', 'm.direction', sql<number>`sum(m.n)`.as('n')])
    .where('m.opened_at', '>=', range.from)
    .where('m.opened_at', '<', range.to)
    .$if(Boolean(filter.agentId), (w) => w.where(sql.ref('f.agent_id'), '=', filter.agentId))
    .$if(Boolean(filter.teamId), (w) => w.where(sql.ref('f.team_id'), '=', filter.teamId))
    .groupBy(['m.kind', 'm.direction']);
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
