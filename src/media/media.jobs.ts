import { z } from 'zod';
import { defineJobSpec, type JobSpec, type RetryPolicy } from '../jobs/index.ts';

export const MediaJobPayload = z.object({ mediaId: z.string().min(1) });
export type MediaJobPayload = z.infer<typeof MediaJobPayload>;

export interface MediaJobSpecs {
  fetch: JobSpec<MediaJobPayload>;
  preview: JobSpec<MediaJobPayload>;
}

/** Production retry: a media id can take a moment to resolve and Meta's 5xx are brief; URLs live 5 min. */
export const DEFAULT_FETCH_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 2_000, maxDelayMs: 2 * 60_000 };
const PREVIEW_RETRY: RetryPolicy = { attempts: 2, baseDelayMs: 2_000, maxDelayMs: 30_000 };

/** The job specs, built once at the composition root (tests shorten the fetch retry). */
export function createMediaJobSpecs(fetchRetry: RetryPolicy = DEFAULT_FETCH_RETRY): MediaJobSpecs {
  return {
    fetch: defineJobSpec({ name: 'media.fetch', schema: MediaJobPayload, retry: fetchRetry }),
    preview: defineJobSpec({ name: 'media.preview', schema: MediaJobPayload, retry: PREVIEW_RETRY }),
  };
}
