import { Pool } from 'undici';
import type { LoadResult } from './load.ts';
import type { SignedRequest } from './payloads.ts';

/**
 * Open-loop load at a fixed rate: request i is due at start + i/rate, whatever happened before, and its
 * latency counts from when it was due. Slow answers therefore show up in the percentiles instead of
 * silently lowering the offered rate (coordinated omission).
 */
export async function runPaced(
  url: string,
  requests: SignedRequest[],
  options: { connections: number; rate: number },
): Promise<LoadResult> {
  const pool = new Pool(url, { connections: options.connections, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const start = performance.now();
  let next = 0;
  const inflight = new Set<Promise<void>>();
  while (next < requests.length) {
    const now = performance.now();
    const due = Math.min(requests.length, Math.floor(((now - start) / 1000) * options.rate) + 1);
    for (; next < due; next += 1) {
      const request = requests[next]!;
      const scheduled = start + (next / options.rate) * 1000;
      const task = pool
        .request({
          method: 'POST',
          path: '/webhooks/whatsapp',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': request.signature },
          body: request.body,
        })
        .then(async (response) => {
          await response.body.dump();
          latencies.push(performance.now() - scheduled);
          if (response.statusCode >= 300) {
            non2xx += 1;
          }
        })
        .catch(() => {
          errors += 1;
        });
      inflight.add(task);
      void task.finally(() => inflight.delete(task));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]! * 10) / 10;
  const messages = requests.reduce((sum, r) => sum + r.messages, 0);
  return {
    requests: requests.length,
    messages,
    seconds,
    requestsPerSecond: requests.length / seconds,
    messagesPerSecond: messages / seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    non2xx,
  };
}
