import autocannon from 'autocannon';
import type { SignedRequest } from './payloads.ts';

export interface LoadResult {
  requests: number;
  messages: number;
  seconds: number;
  requestsPerSecond: number;
  messagesPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Posts every request once (no redelivery), at full speed or at a fixed overall rate. */
export async function runLoad(
  url: string,
  requests: SignedRequest[],
  options: { connections: number; rate?: number },
): Promise<LoadResult> {
  const messages = requests.reduce((sum, r) => sum + r.messages, 0);
  let cursor = 0;
  let first = 0;
  let last = 0;
  const instance = autocannon({
    url: `${url}/webhooks/whatsapp`,
    connections: options.connections,
    amount: requests.length,
    ...(options.rate ? { overallRate: options.rate } : {}),
    // Every connection takes the next unsent body, so each webhook is posted exactly once overall.
    requests: [
      {
        method: 'POST' as const,
        path: '/webhooks/whatsapp',
        setupRequest: (request: autocannon.Request) => {
          first ||= performance.now();
          const next = requests[cursor % requests.length]!;
          cursor += 1;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': next.signature },
            body: next.body,
          };
        },
      },
    ],
  });
  (instance as unknown as NodeJS.EventEmitter).on('response', () => {
    last = performance.now();
  });
  const result = await instance;
  // autocannon notices the end of an `amount` run on its one-second tick, so its own duration is
  // rounded up; time from the first request sent to the last response received instead.
  const seconds = (last - first) / 1000;
  return {
    requests: result.requests.total,
    messages,
    seconds,
    requestsPerSecond: result.requests.total / seconds,
    messagesPerSecond: messages / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
