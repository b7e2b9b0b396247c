import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one server process, served at GET /metrics. */
export function createMetrics(sources: { queueDepth: () => Promise<number> }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const webhookRequests = new Counter({
    name: 'sightline_webhook_requests_total',
    help: 'WhatsApp webhook POSTs by outcome (accepted, ignored, bad_signature, invalid, error).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const webhookDuration = new Histogram({
    name: 'sightline_webhook_ack_seconds',
    help: 'Time from webhook receipt to acknowledgement (after the durable commit).',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const messagesIngested = new Counter({
    name: 'sightline_messages_ingested_total',
    help: 'Inbound WhatsApp messages stored (redeliveries not counted).',
    registers: [registry],
  });
  const sendFailures = new Counter({
    name: 'sightline_send_failures_total',
    help: 'Outbound messages that failed for good, by reason.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'sightline_job_queue_depth',
    help: 'Background jobs waiting or running.',
    registers: [registry],
    async collect() {
      this.set(await sources.queueDepth());
    },
  });
  return { registry, webhookRequests, webhookDuration, messagesIngested, sendFailures };
}

export type Metrics = ReturnType<typeof createMetrics>;
