/**
 * npm run bench:ack — acknowledgement latency: webhook sent → the bot's Graph API call (the simulator
 * records each send it receives), while new customers write at 500 messages/s for a few seconds.
 * Baseline measured in the same run: the webhook's own round trip (sent → 200, i.e. committed).
 * One process (server with its simulator in demo mode, as in the tests), SQLite file or PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openTestStore, type TestDialect } from '../test/support/databases.ts';
import { startTestServer } from '../test/support/harness.ts';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(dialect: TestDialect) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-ack-')), 'db.sqlite');
  const store = await openTestStore(dialect, { sqliteFile: file });
  const server = await startTestServer(dialect, { store });
  try {
    await server.api('PUT', '/api/v1/routing/rules/01ROUTINGRULEACKNOWLEDGE00', {
      name: 'Acknowledge new conversations',
      conditions: [{ kind: 'first_message', is: true }],
      actions: [{ kind: 'acknowledge' }],
    });
    const total = RATE * SECONDS;
    const sentAt = new Map<string, number>();
    const webhook: number[] = [];
    const deliveries: Promise<unknown>[] = [];
    const start = performance.now();
    for (let i = 0; i < total; i += 1) {
      const due = start + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 1) {
        await new Promise((r) => setTimeout(r, wait));
      }
      const customer = server.simulator.customer({
        waId: `4470${String(i).padStart(8, '0')}`,
        name: `B${i}`,
      });
      const at = Date.now();
      sentAt.set(customer.key, at);
      const t0 = performance.now();
      deliveries.push(
        customer
          .sendText(`Hello, I need help with my order number ${i}`)
          .delivery.then(() => webhook.push(performance.now() - t0)),
      );
    }
    await Promise.all(deliveries);
    const deadline = Date.now() + 60_000;
    let acks = server.simulator.outbound();
    while (acks.length < total && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      acks = server.simulator.outbound();
    }
    const latencies = acks.map((m) => m.createdAt - (sentAt.get(m.customerKey) ?? m.createdAt));
    return {
      dialect,
      sent: total,
      acked: acks.length,
      webhookP50: percentile(webhook, 50),
      webhookP99: percentile(webhook, 99),
      ackP50: percentile(latencies, 50),
      ackP99: percentile(latencies, 99),
    };
  } finally {
    await server.close();
    await store.cleanup();
  }
}

const dialects: TestDialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
console.log(
  `Acknowledgement latency at ${RATE} new conversations/s for ${SECONDS} s (${os.cpus().length} cores)`,
);
for (const dialect of dialects) {
  const r = await measure(dialect);
  console.log(
    `${r.dialect}: ${r.acked}/${r.sent} acknowledged; ack p50 ${r.ackP50.toFixed(0)} ms, p99 ${r.ackP99.toFixed(0)} ms (target < 1000 ms); baseline webhook round trip p50 ${r.webhookP50.toFixed(0)} ms, p99 ${r.webhookP99.toFixed(0)} ms; ack p99 = ${(r.ackP99 / r.webhookP99).toFixed(1)}× webhook p99`,
  );
}
process.exit(0);
