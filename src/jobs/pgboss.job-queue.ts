import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Clock, Logger } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import { type EnqueueOptions, type JobQueue, type JobSpec, PermanentJobError } from './job-queue.ts';

const POLL_SECONDS = 0.5;

/**
 * pg-boss on the same PostgreSQL as the data. Jobs enqueued with `db` are inserted through that
 * transaction's connection, so they commit or roll back with the data (outbox).
 */
export function createPgBossJobQueue(deps: {
  pool: pg.Pool;
  schema: string;
  clock: Clock;
  logger: Logger;
}): JobQueue {
  const { pool, clock, logger } = deps;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: deps.schema,
    supervise: true,
    schedule: false,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  const started = boss.start();
  const created = new Map<string, Promise<void>>();

  function ensureQueue(job: JobSpec<never> | JobSpec<unknown>): Promise<void> {
    let pending = created.get(job.name);
    if (!pending) {
      pending = started.then(() =>
        boss.createQueue(job.name, {
          name: job.name,
          retryLimit: job.retry.attempts - 1,
          retryDelay: Math.max(1, Math.round(job.retry.baseDelayMs / 1000)),
          retryBackoff: true,
        }),
      );
      created.set(job.name, pending);
    }
    return pending;
  }

  return {
    async enqueue<P>(job: JobSpec<P>, payload: P, options: EnqueueOptions = {}) {
      const parsed = job.schema.parse(payload);
      await ensureQueue(job as JobSpec<unknown>);
      await boss.send(job.name, parsed as object, {
        id: options.dedupeKey ? uuidFromKey(`${job.name}:${options.dedupeKey}`) : undefined,
        startAfter: options.runAt && options.runAt > clock.now() ? new Date(options.runAt) : undefined,
        db: options.db ? transactionDb(options.db) : undefined,
      });
    },
    async work(jobs, options = {}) {
      await started;
      const concurrency = options.concurrency ?? 4;
      for (const job of jobs) {
        await ensureQueue(job);
        for (let i = 0; i < concurrency; i += 1) {
          await boss.work(
            job.name,
            { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS, includeMetadata: true },
            async ([item]) => {
              if (!item) {
                return;
              }
              const attempt = item.retryCount + 1;
              const log = logger.child({ job: job.name, jobId: item.id, attempt });
              try {
                await job.handler(job.schema.parse(item.data) as never, {
                  jobId: item.id,
                  attempt,
                  logger: log,
                });
              } catch (error) {
                if (error instanceof PermanentJobError) {
                  // The handler has recorded the failure in the domain; retrying cannot help.
                  log.error({ err: error }, 'job failed permanently');
                  return;
                }
                log.warn({ err: error }, 'job failed, pg-boss will retry');
                throw error;
              }
            },
          );
        }
      }
    },
    async stop() {
      await started;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    async depth() {
      let total = 0;
      for (const name of created.keys()) {
        total += await boss.getQueueSize(name);
      }
      return total;
    },
  };
}

function transactionDb(db: Db): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: [...result.rows] };
    },
  };
}

/** pg-boss ids are UUIDs; a dedupe key maps to a stable one so a second insert is ignored. */
function uuidFromKey(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
