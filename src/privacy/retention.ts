import type { Kysely } from 'kysely';
import type { MediaVault } from '../blobs/index.ts';
import { type Clock, DAY, newId } from '../kernel/index.ts';
import { eraseMedia } from '../media/index.ts';
import type { Database } from '../store/index.ts';
import { destroyBlobs, redactMessages } from './customer-erase.ts';

/**
 * Data classes with a retention period, counted from the day the ticket closed:
 * media — attachments are erased and crypto-shredded; messages — message content is redacted (and the
 * attachments with it). Tickets themselves stay, for analytics' anonymous counts.
 */
export const DATA_CLASSES = ['media', 'messages'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];
export type RetentionPolicies = Record<DataClass, number | null>;
export type RetentionCounts = Record<DataClass, number> & { blobsDestroyed: number };

export interface RetentionRun {
  id: string;
  startedAt: number;
  finishedAt: number;
  counts: RetentionCounts;
}

const BATCH = 200;

export async function getPolicies(db: Kysely<Database>): Promise<RetentionPolicies> {
  const rows = await db.selectFrom('retention_policies').selectAll().execute();
  const days = new Map(rows.map((r) => [r.data_class, Number(r.days)]));
  return { media: days.get('media') ?? null, messages: days.get('messages') ?? null };
}

/** Sets or (with null) removes policies; returns the previous ones. */
export async function setPolicies(
  db: Kysely<Database>,
  patch: Partial<RetentionPolicies>,
  now: number,
): Promise<RetentionPolicies> {
  const before = await getPolicies(db);
  for (const dataClass of DATA_CLASSES) {
    const days = patch[dataClass];
    if (days === undefined) {
      continue;
    }
    if (days === null) {
      await db.deleteFrom('retention_policies').where('data_class', '=', dataClass).execute();
    } else {
      await db
        .insertInto('retention_policies')
        .values({ data_class: dataClass, days, updated_at: now })
        .onConflict((oc) => oc.column('data_class').doUpdateSet({ days, updated_at: now }))
        .execute();
    }
  }
  return before;
}

export async function listRuns(db: Kysely<Database>, limit: number): Promise<RetentionRun[]> {
  const rows = await db
    .selectFrom('retention_runs')
    .selectAll()
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    startedAt: Number(r.started_at),
    finishedAt: Number(r.finished_at),
    counts: JSON.parse(r.counts) as RetentionCounts,
  }));
}

/** Applies every policy once (in batches; idempotent) and records the run. */
export async function runRetention(deps: {
  db: Kysely<Database>;
  vault: MediaVault;
  clock: Clock;
}): Promise<RetentionRun> {
  const { db, clock } = deps;
  const startedAt = clock.now();
  const policies = await getPolicies(db);
  const counts: RetentionCounts = { media: 0, messages: 0, blobsDestroyed: 0 };
  const closedBefore = (days: number) =>
    db
      .selectFrom('tickets')
      .select('id')
      .where('status', '=', 'closed')
      .where('closed_at', '<=', startedAt - days * DAY);

  const days = { media: policies.media, messages: policies.messages };
  // Redacting messages also erases their attachments: the shorter of the two periods wins for media.
  const mediaDays = [days.media, days.messages].filter((d): d is number => d !== null);
  if (mediaDays.length > 0) {
    for (;;) {
      const ids = (
        await db
          .selectFrom('media')
          .select('id')
          .where('ticket_id', 'in', closedBefore(Math.min(...mediaDays)))
          .where('state', '!=', 'erased')
          .limit(BATCH)
          .execute()
      ).map((m) => m.id);
      if (ids.length === 0) {
        break;
      }
      const keys = await db.transaction().execute((trx) => eraseMedia(trx, ids, startedAt));
      counts.media += ids.length;
      counts.blobsDestroyed += await destroyBlobs(deps.vault, keys);
    }
  }
  if (days.messages !== null) {
    const ticketIds = (await closedBefore(days.messages).execute()).map((t) => t.id);
    for (let i = 0; i < ticketIds.length; i += BATCH) {
      counts.messages += await redactMessages(db, ticketIds.slice(i, i + BATCH), startedAt);
    }
  }
  const run = { id: newId(), startedAt, finishedAt: clock.now(), counts };
  await db
    .insertInto('retention_runs')
    .values({
      id: run.id,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      counts: JSON.stringify(counts),
    })
    .execute();
  return run;
}
