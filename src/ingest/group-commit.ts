import type { Kysely, Transaction } from 'kysely';
import type { Logger } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';

type Work<R> = (trx: Transaction<Database>) => Promise<R>;

interface Pending<R> {
  work: Work<R>;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitter {
  /** Runs `work` in a transaction shared with other concurrent submissions; resolves after commit. */
  run<R>(work: Work<R>): Promise<R>;
  /** Resolves when nothing is queued or running. */
  drain(): Promise<void>;
}

/**
 * Group commit: submissions that arrive while a transaction is running (or in the same event-loop turn)
 * share the next transaction, so one fsync covers many webhooks. If a shared transaction fails, each
 * submission is retried alone, so one bad payload cannot fail its neighbours.
 */
export function createGroupCommitter(deps: {
  db: Kysely<Database>;
  logger: Logger;
  maxBatch?: number;
  /** Transactions running at once: 1 for SQLite (single writer), a few for PostgreSQL. */
  parallel?: number;
}): GroupCommitter {
  const maxBatch = deps.maxBatch ?? 256;
  const parallel = deps.parallel ?? 1;
  let queue: Pending<unknown>[] = [];
  let running = 0;
  let scheduled = false;
  const idle: (() => void)[] = [];

  function schedule() {
    if (!scheduled && running < parallel && queue.length > 0) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  function flush() {
    scheduled = false;
    while (running < parallel && queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      running += 1;
      void commit(batch).finally(() => {
        running -= 1;
        if (queue.length > 0) {
          schedule();
        } else if (running === 0) {
          for (const resolve of idle.splice(0)) {
            resolve();
          }
        }
      });
    }
  }

  async function commit(batch: Pending<unknown>[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const results = await deps.db.transaction().execute(async (trx) => {
          const out: unknown[] = [];
          for (const item of batch) {
            out.push(await item.work(trx));
          }
          return out;
        });
        for (const [i, item] of batch.entries()) {
          item.resolve(results[i]);
        }
        return;
      } catch (error) {
        deps.logger.warn(
          { err: error, size: batch.length },
          'group commit failed; retrying each submission alone',
        );
      }
    }
    for (const item of batch) {
      try {
        item.resolve(await deps.db.transaction().execute(item.work));
      } catch (error) {
        item.reject(error);
      }
    }
  }

  return {
    run<R>(work: Work<R>): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ work, resolve, reject } as Pending<unknown>);
        schedule();
      });
    },
    drain() {
      if (running === 0 && queue.length === 0) {
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
