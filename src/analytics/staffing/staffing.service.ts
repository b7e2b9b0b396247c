import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/index.ts';
import { agentsNeeded, type StaffingTarget } from './erlang.ts';
import { forecastArrivals } from './forecast.ts';

const HOUR_MS = 3_600_000;

export interface StaffingQuery extends Omit<StaffingTarget, 'chatsPerAgent'> {
  /** Whole weeks of history the forecast learns from. */
  weeks: number;
  /** Hours to forecast from the current hour. */
  hours: number;
}

export interface StaffingHour {
  hourStart: number;
  arrivals: number;
  agentsNeeded: number;
}

/**
 * Arrivals per hour ahead (tickets opened, learnt from the last `weeks` whole weeks) and the agents each
 * hour needs for the target, next to the agents online now.
 */
export async function planStaffing(
  db: Kysely<Database>,
  now: number,
  chatsPerAgent: number,
  query: StaffingQuery,
): Promise<{ target: StaffingTarget; agentsOnline: number; hours: StaffingHour[] }> {
  const start = Math.floor(now / HOUR_MS) * HOUR_MS;
  const from = start - query.weeks * 168 * HOUR_MS;
  const hour = sql<number>`opened_at / ${sql.lit(HOUR_MS)}`;
  const [counts, online] = await Promise.all([
    db
      .selectFrom('analytics_ticket_facts')
      .select([hour.as('hour'), sql<number>`count(*)`.as('n')])
      .where('opened_at', '>=', from)
      .where('opened_at', '<', start)
      .groupBy(hour)
      .execute(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('presence', '=', 'online')
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const history = Array<number>(query.weeks * 168).fill(0);
  for (const row of counts) {
    history[Number(row.hour) - from / HOUR_MS] = Number(row.n);
  }
  const target: StaffingTarget = {
    serviceLevel: query.serviceLevel,
    targetSeconds: query.targetSeconds,
    handleSeconds: query.handleSeconds,
    chatsPerAgent,
  };
  return {
    target,
    agentsOnline: Number(online.n),
    hours: forecastArrivals(history, query.hours).map((arrivals, i) => ({
      hourStart: start + i * HOUR_MS,
      arrivals,
      agentsNeeded: agentsNeeded(arrivals, target),
    })),
  };
}
