import type { Clock, Logger } from '../kernel/index.ts';
import type { JobQueue, JobSpec } from './job-queue.ts';

/**
 * Enqueues a payload-less job once per interval. The dedupe key is the interval's slot, so any number of
 * worker processes enqueue it once per slot between them; the job itself must be idempotent.
 */
export function scheduleRecurring(
  deps: { queue: JobQueue; clock: Clock; logger: Logger },
  job: JobSpec<Record<string, never>>,
  intervalMs: number,
): () => void {
  const tick = () => {
    const slot = Math.floor(deps.clock.now() / intervalMs);
    deps.queue
      .enqueue(job, {}, { dedupeKey: `${job.name}:${slot}` })
      .catch((error: unknown) =>
        deps.logger.warn({ err: error, job: job.name }, 'could not schedule recurring job'),
      );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
