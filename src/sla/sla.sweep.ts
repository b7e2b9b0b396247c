import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DomainEvent, EventBus } from '../events/index.ts';
import { DEFAULT_RETRY, defineJobSpec, type JobDefinition, type JobQueue } from '../jobs/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Database, Db, Dialect } from '../store/index.ts';
import { applyBreachEffects, type FiredTimer } from './sla.effects.ts';
import type { SlaSettings } from './sla.settings.ts';

const BATCH = 1_000;

export const slaSweepJob = defineJobSpec({
  name: 'sla.sweep',
  schema: z.object({}).strict(),
  retry: DEFAULT_RETRY,
});

/**
 * Fires every due warning and breach. Each one is claimed by a conditional UPDATE (`warned_at is null`,
 * `state = 'active'`) that PostgreSQL re-checks under the row lock, so concurrent sweeps in several
 * workers split the work and never fire one twice; a sweep after a restart finds whatever fell due
 * meanwhile. The timeline events, notifications, actions and webhooks commit with the claim.
 */
export function createSlaSweepJob(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  events: EventBus;
  queue: JobQueue;
  settings: SlaSettings;
}): JobDefinition<Record<string, never>> & { sweep(): Promise<number> } {
  async function sweep(): Promise<number> {
    const now = deps.clock.now();
    let total = 0;
    for (;;) {
      const published: DomainEvent[] = [];
      const fired = await deps.db.transaction().execute(async (trx) => {
        // Breaches first: a timer already past due when the sweep sees it breaches without a warning.
        const breaches = await claimBreaches(trx, deps.dialect, now);
        const warnings = await claimWarnings(trx, deps.dialect, now);
        const all = [...breaches, ...warnings];
        if (all.length > 0) {
          const settings = await deps.settings.snapshot(trx);
          published.push(
            ...(await applyBreachEffects(trx, { fired: all, now, settings, queue: deps.queue })),
          );
        }
        return { warnings: warnings.length, breaches: breaches.length };
      });
      await deps.events.publish(published);
      total += fired.warnings + fired.breaches;
      if (fired.warnings < BATCH && fired.breaches < BATCH) {
        return total;
      }
    }
  }
  return {
    ...slaSweepJob,
    sweep,
    handler: async () => {
      await sweep();
    },
  };
}

// Literal predicates (not parameters), so both databases can use the partial indexes on due timers.
// On PostgreSQL, concurrent sweeps skip the rows another is claiming instead of queueing behind it.
async function claimWarnings(db: Db, dialect: Dialect, now: number): Promise<FiredTimer[]> {
  const due = db
    .selectFrom('sla_timers')
    .select('id')
    .where(sql<boolean>`state = 'active' and warned_at is null`)
    .where('warn_at', '<=', now)
    // A timer already due breaches instead (in this batch or the next): no stale warning first.
    .where('due_at', '>', now)
    .limit(BATCH)
    .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked());
  const rows = await db
    .updateTable('sla_timers')
    .set({ warned_at: now })
    .where('id', 'in', due)
    .where(sql<boolean>`state = 'active' and warned_at is null`)
    .returning(['id', 'ticket_id', 'policy_id', 'metric', 'due_at'])
    .execute();
  return rows.map((r) => ({ ...r, kind: 'warning', due_at: Number(r.due_at) }));
}

async function claimBreaches(db: Db, dialect: Dialect, now: number): Promise<FiredTimer[]> {
  const due = db
    .selectFrom('sla_timers')
    .select('id')
    .where(sql<boolean>`state = 'active'`)
    .where('due_at', '<=', now)
    .limit(BATCH)
    .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked());
  const rows = await db
    .updateTable('sla_timers')
    .set((eb) => ({
      state: 'breached',
      breached_at: now,
      warned_at: eb.fn.coalesce('warned_at', eb.val(now)),
    }))
    .where('id', 'in', due)
    .where(sql<boolean>`state = 'active'`)
    .returning(['id', 'ticket_id', 'policy_id', 'metric', 'due_at'])
    .execute();
  return rows.map((r) => ({ ...r, kind: 'breach', due_at: Number(r.due_at) }));
}
