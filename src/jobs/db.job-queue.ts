import type { Kysely } from 'kysely';
import { type Clock, type Logger, newId } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import {
  type AnyJobDefinition,
  backoffDelay,
  type EnqueueOptions,
  type JobQueue,
  type JobSpec,
  PermanentJobError,
} from './job-queue.ts';

const LEASE_MS = 5 * 60_000;
const IDLE_POLL_MS = 250;

/**
 * Job queue in the embedded SQLite file: jobs are rows written in the same transaction as the data
 * that caused them. A crashed worker's lease expires and its jobs run again (at-least-once).
 */
export function createDbJobQueue(deps: { db: Kysely<Database>; clock: Clock; logger: Logger }): JobQueue {
  const { db, clock, logger } = deps;
  const definitions = new Map<string, AnyJobDefinition>();
  let running = false;
  let inFlight = 0;
  let concurrency = 4;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  const active = new Set<Promise<void>>();

  const poke = () => wake?.();

  async function enqueue<P>(job: JobSpec<P>, payload: P, options: EnqueueOptions = {}): Promise<void> {
    const parsed = job.schema.parse(payload);
    const now = clock.now();
    await (options.db ?? db)
      .insertInto('jobs')
      .values({
        id: newId(),
        name: job.name,
        payload: JSON.stringify(parsed),
        state: 'ready',
        run_at: options.runAt ?? now,
        attempts: 0,
        max_attempts: job.retry.attempts,
        locked_until: null,
        last_error: null,
        dedupe_key: options.dedupeKey ?? null,
        created_at: now,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
    // A job enlisted in a transaction becomes visible at commit; the poll picks it up, poke makes it quick.
    queueMicrotask(poke);
  }

  async function claim(limit: number) {
    const now = clock.now();
    const due = await db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'ready'), eb('run_at', '<=', now)]),
          eb.and([eb('state', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
      )
      .where('name', 'in', [...definitions.keys()])
      .orderBy('run_at')
      .limit(limit)
      .execute();
    if (due.length === 0) {
      return [];
    }
    return db
      .updateTable('jobs')
      .set((eb) => ({ state: 'running', locked_until: now + LEASE_MS, attempts: eb('attempts', '+', 1) }))
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .returningAll()
      .execute();
  }

  async function run(row: Database['jobs'] & { attempts: number }): Promise<void> {
    const definition = definitions.get(row.name)!;
    const log = logger.child({ job: row.name, jobId: row.id, attempt: row.attempts });
    try {
      const payload = definition.schema.parse(JSON.parse(row.payload));
      await definition.handler(payload as never, { jobId: row.id, attempt: row.attempts, logger: log });
      await db.deleteFrom('jobs').where('id', '=', row.id).execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof PermanentJobError || row.attempts >= row.max_attempts;
      if (permanent) {
        log.error({ err: error }, 'job failed permanently');
        await db
          .updateTable('jobs')
          .set({ state: 'failed', last_error: message, locked_until: null })
          .where('id', '=', row.id)
          .execute();
      } else {
        const delay = backoffDelay(definition.retry, row.attempts);
        log.warn({ err: error, retryInMs: delay }, 'job failed, will retry');
        await db
          .updateTable('jobs')
          .set({ state: 'ready', last_error: message, locked_until: null, run_at: clock.now() + delay })
          .where('id', '=', row.id)
          .execute();
      }
    }
  }

  async function pump(): Promise<void> {
    while (running) {
      const free = concurrency - inFlight;
      const rows = free > 0 ? await claim(free) : [];
      for (const row of rows) {
        inFlight += 1;
        const task = run(row).finally(() => {
          inFlight -= 1;
          active.delete(task);
          poke();
        });
        active.add(task);
      }
      if (rows.length === 0 || inFlight >= concurrency) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  }

  return {
    enqueue,
    async work(jobs, options = {}) {
      for (const job of jobs) {
        definitions.set(job.name, job);
      }
      concurrency = options.concurrency ?? concurrency;
      if (!running) {
        // Embedded mode has a single worker per database: jobs still marked running were cut off by a
        // crash or kill, so they are due again now rather than when their lease would have expired.
        await db
          .updateTable('jobs')
          .set({ state: 'ready', locked_until: null })
          .where('state', '=', 'running')
          .execute();
        running = true;
        loop = pump().catch((error: unknown) => logger.fatal({ err: error }, 'job loop crashed'));
      }
    },
    async stop() {
      running = false;
      poke();
      await loop;
      await Promise.allSettled([...active]);
    },
    async depth() {
      const row = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', 'in', ['ready', 'running'])
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
