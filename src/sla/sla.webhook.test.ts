import { describe, expect, it } from 'vitest';
import { PermanentJobError } from '../jobs/index.ts';
import { silentLogger } from '../kernel/index.ts';
import { createSlaWebhookJob } from './sla.webhook.ts';

const context = { jobId: 'j', attempt: 1, logger: silentLogger };
const payload = { url: 'https://hooks.example.com/sla', body: { event: 'sla.breached', ticketId: 't1' } };

describe('SLA webhook job', () => {
  it('POSTs the event as JSON', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const job = createSlaWebhookJob({
      fetch: async (url, init) => {
        calls.push({ url: String(url), init: init! });
        return new Response(null, { status: 204 });
      },
    });
    await job.handler(payload, context);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(payload.body);
  });

  it.each([
    [503, Error],
    [429, Error],
    [404, PermanentJobError],
  ])('answers %i: %s (retried unless permanent)', async (status, kind) => {
    const job = createSlaWebhookJob({ fetch: async () => new Response('no', { status }) });
    const failure = await job.handler(payload, context).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(kind);
    expect(failure instanceof PermanentJobError).toBe(kind === PermanentJobError);
  });
});
