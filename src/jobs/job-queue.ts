import type { z } from 'zod';
import type { Logger } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';

export interface RetryPolicy {
  /** Total attempts, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface JobContext {
  jobId: string;
  attempt: number;
  logger: Logger;
}

/** What enqueuing needs: a job's name, payload schema (checked on enqueue and dequeue) and retry policy. */
export interface JobSpec<P = unknown> {
  name: string;
  schema: z.ZodType<P>;
  retry: RetryPolicy;
}

/** A job with its handler, bound to its dependencies at the composition root. */
export interface JobDefinition<P = unknown> extends JobSpec<P> {
  handler: (payload: P, context: JobContext) => Promise<void>;
}

export interface EnqueueOptions {
  /** Not before this epoch ms. */
  runAt?: number;
  /** A second enqueue with the same key is a no-op while the first exists. */
  dedupeKey?: string;
  /** Enlist in this transaction (outbox): the job exists if and only if the transaction commits. */
  db?: Db;
}

// biome-ignore lint/suspicious/noExplicitAny: a worker runs jobs of many payload types; each validates its own.
export type AnyJobDefinition = JobDefinition<any>;

/** Durable at-least-once job queue. Handlers must be idempotent. */
export interface JobQueue {
  enqueue<P>(job: JobSpec<P>, payload: P, options?: EnqueueOptions): Promise<void>;
  /** Starts processing the given jobs in this process. */
  work(jobs: readonly AnyJobDefinition[], options?: { concurrency?: number }): Promise<void>;
  stop(): Promise<void>;
  /** Jobs waiting or running. */
  depth(): Promise<number>;
}

/** Throw from a handler when retrying cannot help (bad data, a permanent upstream refusal). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export function defineJobSpec<P>(spec: JobSpec<P>): JobSpec<P> {
  return spec;
}

/** Exponential backoff with equal jitter: half fixed, half random, capped. */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };
