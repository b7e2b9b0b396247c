import { z } from 'zod';
import { defineJobSpec, type JobSpec, type RetryPolicy } from '../jobs/index.ts';

export const MediaTextPayload = z.object({ mediaId: z.string().min(1) });
export type MediaTextPayload = z.infer<typeof MediaTextPayload>;
export const CategorizePayload = z.object({ ticketId: z.string().min(1) });
export type CategorizePayload = z.infer<typeof CategorizePayload>;

/** A document's first page waits for its preview: a few short retries cover it. */
const READ_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 10_000 };
const CATEGORIZE_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 };

export const ocrJob: JobSpec<MediaTextPayload> = defineJobSpec({
  name: 'knowledge.ocr',
  schema: MediaTextPayload,
  retry: READ_RETRY,
});
export const transcribeJob: JobSpec<MediaTextPayload> = defineJobSpec({
  name: 'knowledge.transcribe',
  schema: MediaTextPayload,
  retry: READ_RETRY,
});
export const categorizeJob: JobSpec<CategorizePayload> = defineJobSpec({
  name: 'knowledge.categorize',
  schema: CategorizePayload,
  retry: CATEGORIZE_RETRY,
});
