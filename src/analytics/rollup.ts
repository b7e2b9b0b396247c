import type { Insertable } from 'kysely';
import type {
  AnalyticsDailyHistTable,
  AnalyticsDailyTable,
  AnalyticsMonthlyHistTable,
  AnalyticsTicketFactsTable,
  Db,
} from '../store/index.ts';
import { DURATIONS, TICKET_COUNTS } from './kpis.ts';

/**
 * The rollup: each fact row counts once per dimension, under (day, 'all', ''), (day, 'team', its team),
 * (day, 'agent', its agent), … (an absent value is ''); its durations likewise in monthly histograms,
 * and those of all tickets in daily histograms too. Refreshing tickets applies the difference
 * between their new and old contributions in the same transaction, so the rollup always equals the sum
 * of the fact rows (test/analytics.test.ts checks it against a recount from raw).
 */
export const ROLLUP_DIMENSIONS = {
  all: null,
  team: 'team_id',
  agent: 'agent_id',
  tier: 'tier',
  category: 'category',
  language: 'language',
  channel: 'channel_id',
  segment: 'segment',
} as const;
export type RollupDimension = keyof typeof ROLLUP_DIMENSIONS;

const DAY_MS = 86_400_000;

/** Calendar months since January 1970 (UTC). */
export function monthOf(at: number): number {
  const date = new Date(at);
  return (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
}

export function monthStart(month: number): number {
  return Date.UTC(1970 + Math.floor(month / 12), month % 12, 1);
}
const MEASURED = ['frt', 'bot_frt', 'resolution', 'close'] as const;

type Fact = Insertable<AnalyticsTicketFactsTable>;
interface Wait {
  ticket_id: string;
  wait_ms: number;
  bucket: number;
}
type DailyRow = Insertable<AnalyticsDailyTable>;
type HistRow = Insertable<AnalyticsMonthlyHistTable>;
type DayHistRow = Insertable<AnalyticsDailyHistTable>;

const DAILY_VALUES = [
  ...TICKET_COUNTS,
  ...DURATIONS.flatMap((name) => [`${name}_count`, `${name}_sum`] as const),
] as const;
type DailyValue = (typeof DAILY_VALUES)[number];

/** Signed contributions, keyed by their primary key. */
export class RollupDelta {
  readonly daily = new Map<string, DailyRow>();
  readonly hist = new Map<string, HistRow>();
  readonly dayHist = new Map<string, DayHistRow>();

  /** Adds (sign 1) or removes (sign −1) tickets' fact rows and next-response waits. */
  add(facts: readonly Fact[], waits: readonly Wait[], sign: 1 | -1): void {
    const waitsOf = new Map<string, Wait[]>();
    for (const wait of waits) {
      const list = waitsOf.get(wait.ticket_id) ?? [];
      list.push(wait);
      waitsOf.set(wait.ticket_id, list);
    }
    for (const fact of facts) {
      const day = Math.floor(Number(fact.opened_at) / DAY_MS);
      const month = monthOf(Number(fact.opened_at));
      const ticketWaits = waitsOf.get(fact.ticket_id) ?? [];
      for (const [dim, column] of Object.entries(ROLLUP_DIMENSIONS)) {
        const value = column === null ? '' : (fact[column] ?? '');
        const row = this.dailyRow(dim, value, day);
        const bump = (name: DailyValue, by: number) => {
          row[name] = Number(row[name]) + sign * by;
        };
        bump('opened', 1);
        for (const name of TICKET_COUNTS.filter((n) => n !== 'opened')) {
          bump(name, Number(fact[name]));
        }
        for (const name of MEASURED) {
          const ms = fact[`${name}_ms`];
          if (ms !== null && ms !== undefined) {
            bump(`${name}_count`, 1);
            bump(`${name}_sum`, Number(ms));
            this.bumpHist(dim, value, month, day, name, Number(fact[`${name}_bucket`]), sign);
          }
        }
        for (const wait of ticketWaits) {
          bump('next_response_count', 1);
          bump('next_response_sum', Number(wait.wait_ms));
          this.bumpHist(dim, value, month, day, 'next_response', Number(wait.bucket), sign);
        }
      }
    }
  }

  private dailyRow(dim: string, value: string, day: number): DailyRow {
    const key = `${dim}\u0000${value}\u0000${day}`;
    let row = this.daily.get(key);
    if (!row) {
      row = {
        dim,
        value,
        day,
        ...(Object.fromEntries(DAILY_VALUES.map((name) => [name, 0])) as Record<DailyValue, number>),
      };
      this.daily.set(key, row);
    }
    return row;
  }

  private bumpHist(
    dim: string,
    value: string,
    month: number,
    day: number,
    metric: string,
    bucket: number,
    sign: number,
  ): void {
    const key = `${dim}\u0000${value}\u0000${month}\u0000${metric}\u0000${bucket}`;
    const row = this.hist.get(key) ?? { dim, value, month, metric, bucket, n: 0 };
    row.n = Number(row.n) + sign;
    this.hist.set(key, row);
    if (dim === 'all') {
      const dayKey = `${day}\u0000${metric}\u0000${bucket}`;
      const dayRow = this.dayHist.get(dayKey) ?? { day, metric, bucket, n: 0 };
      dayRow.n = Number(dayRow.n) + sign;
      this.dayHist.set(dayKey, dayRow);
    }
  }

  /** Rows whose contribution is not zero (a refreshed ticket that did not change contributes nothing). */
  changed(): { daily: DailyRow[]; hist: HistRow[]; dayHist: DayHistRow[] } {
    return {
      daily: [...this.daily.values()].filter((row) => DAILY_VALUES.some((name) => Number(row[name]) !== 0)),
      hist: [...this.hist.values()].filter((row) => Number(row.n) !== 0),
      dayHist: [...this.dayHist.values()].filter((row) => Number(row.n) !== 0),
    };
  }
}

const CHUNK = 500;

/** Adds the delta to the rollup tables (upserts) and drops the rows it emptied. */
export async function applyRollupDelta(db: Db, delta: RollupDelta): Promise<void> {
  const { daily, hist, dayHist } = delta.changed();
  for (let i = 0; i < dayHist.length; i += CHUNK) {
    await db
      .insertInto('analytics_daily_hist')
      .values(dayHist.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['day', 'metric', 'bucket'])
          .doUpdateSet((eb) => ({ n: eb('analytics_daily_hist.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  }
  const emptiedDayBuckets = dayHist.filter((row) => Number(row.n) < 0);
  if (emptiedDayBuckets.length > 0) {
    await db
      .deleteFrom('analytics_daily_hist')
      .where('day', 'in', [...new Set(emptiedDayBuckets.map((row) => Number(row.day)))])
      .where('n', '=', 0)
      .execute();
  }
  for (let i = 0; i < daily.length; i += CHUNK) {
    await db
      .insertInto('analytics_daily')
      .values(daily.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['dim', 'day', 'value'])
          .doUpdateSet((eb) =>
            Object.fromEntries(
              DAILY_VALUES.map((name) => [
                name,
                eb(eb.ref(`analytics_daily.${name}`), '+', eb.ref(`excluded.${name}`)),
              ]),
            ),
          ),
      )
      .execute();
  }
  for (let i = 0; i < hist.length; i += CHUNK) {
    await db
      .insertInto('analytics_monthly_hist')
      .values(hist.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['dim', 'month', 'value', 'metric', 'bucket'])
          .doUpdateSet((eb) => ({ n: eb('analytics_monthly_hist.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  }
  // Only a removal can empty a row; every ticket adds 1 to `opened`, so a row at 0 holds no ticket.
  const emptiedDays = daily.filter((row) => Number(row.opened) < 0);
  if (emptiedDays.length > 0) {
    await db
      .deleteFrom('analytics_daily')
      .where('dim', 'in', [...new Set(emptiedDays.map((row) => row.dim))])
      .where('day', 'in', [...new Set(emptiedDays.map((row) => Number(row.day)))])
      .where('opened', '=', 0)
      .execute();
  }
  const emptiedBuckets = hist.filter((row) => Number(row.n) < 0);
  if (emptiedBuckets.length > 0) {
    await db
      .deleteFrom('analytics_monthly_hist')
      .where('dim', 'in', [...new Set(emptiedBuckets.map((row) => row.dim))])
      .where('month', 'in', [...new Set(emptiedBuckets.map((row) => Number(row.month)))])
      .where('n', '=', 0)
      .execute();
  }
}
