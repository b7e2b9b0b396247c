import { z } from 'zod';
import { defineJobSpec, type JobDefinition, PermanentJobError } from '../jobs/index.ts';

const TIMEOUT_MS = 10_000;

export const slaWebhookJob = defineJobSpec({
  name: 'sla.webhook',
  schema: z.object({ url: z.url(), body: z.record(z.string(), z.unknown()) }).strict(),
  retry: { attempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
});

/** POSTs a warning or breach as JSON to the policy's URL; retried with backoff unless refused for good. */
export function createSlaWebhookJob(
  deps: { fetch?: typeof fetch } = {},
): JobDefinition<z.infer<typeof slaWebhookJob.schema>> {
  const send = deps.fetch ?? fetch;
  return {
    ...slaWebhookJob,
    handler: async ({ url, body }) => {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Sightline-SLA' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.ok) {
        return;
      }
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
      const message = `SLA webhook answered ${response.status}`;
      throw retryable ? new Error(message) : new PermanentJobError(message);
    },
  };
}
