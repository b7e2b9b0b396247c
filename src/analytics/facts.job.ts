import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DEFAULT_RETRY, defineJobSpec, type JobDefinition } from '../jobs/index.ts';
import { type Clock, MINUTE } from '../kernel/index.ts';
import type { Database, Dialect } from '../store/index.ts';
import { refreshFacts } from './facts.build.ts';

const WATERMARK = 'analytics.facts_watermark';
/** Re-reads changes this far behind the watermark, so a transaction that committed late is not missed. */
const OVERLAP_MS = 5 * MINUTE;

export const refreshFactsJob = defineJobSpec({
  name: 'analytics.refresh-facts',
  schema: z.object({}).strict(),
  retry: DEFAULT_RETRY,
});

/**
 * Brings the fact tables up to date: every ticket of every contact whose ticket or contact changed since
 * the last run (a new ticket changes the FCR of the contact's previous one; a new segment, every one).
 * Idempotent (each run recomputes from raw); the first run measures every ticket.
 */
export async function refreshChangedFacts(
  db: Kysely<Database>,
  dialect: Dialect,
  now: number,
  contactWindowMs: number,
): Promise<number> {
  const row = await db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', WATERMARK)
    .executeTakeFirst();
  const since = row ? Number(row.value) - OVERLAP_MS : Number.MIN_SAFE_INTEGER;
  const contacts = db
    .selectFrom('tickets')
    .select('contact_id')
    .where('updated_at', '>=', since)
    .union(db.selectFrom('contacts').select('id as contact_id').where('updated_at', '>=', since));
  const tickets = await db.selectFrom('tickets').select('id').where('contact_id', 'in', contacts).execute();
  await refreshFacts(
    db,
    dialect,
    tickets.map((t) => t.id),
    contactWindowMs,
  );
  await db
    .insertInto('counters')
    .values({ name: WATERMARK, value: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: now }))
    .execute();
  return tickets.length;
}

export function createRefreshFactsJob(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  contactWindowMs: number;
}): JobDefinition<Record<string, never>> {
  return {
    ...refreshFactsJob,
    handler: async () => {
      await refreshChangedFacts(deps.db, deps.dialect, deps.clock.now(), deps.contactWindowMs);
    },
  };
}
