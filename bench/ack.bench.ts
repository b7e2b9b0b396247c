/**
 * npm run bench:ack — instant acknowledgement latency while new customers write at 500 messages/s:
 * from the moment a signed webhook is due to the server's Graph API call carrying the bot's
 * acknowledgement. The server runs in its own process (role all: API + jobs) against a fake Graph API in
 * this process, which records when each customer's first message arrives. Baseline, same run: the
 * webhook's own round trip (due → 200, i.e. committed).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { serializeLikeMeta, signPayload } from '../src/whatsapp/index.ts';
import { freePort } from '../test/support/child-server.ts';
import { runPaced } from './support/paced.ts';
import { BENCH_SECRET, PHONE_NUMBER_ID, type SignedRequest } from './support/payloads.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const TOKEN = 'bench-bootstrap-token-0123456789';
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** One text message per webhook, each from a new customer (so each opens a ticket and is acknowledged). */
function newCustomers(count: number, prefix: number): SignedRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const from = String(prefix * 1e8 + i);
    const body = serializeLikeMeta({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
                contacts: [{ profile: { name: `Client ${i}` }, wa_id: from }],
                messages: [
                  {
                    from,
                    id: `wamid.${randomBytes(24).toString('base64')}`,
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    type: 'text',
                    text: { body: 'Bonjour, ma commande n’est pas arrivée, pouvez-vous m’aider ?' },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    return { body, signature: signPayload(body, BENCH_SECRET), messages: 1 };
  });
}

/** A Graph API that accepts every send and remembers when each recipient's first one arrived. */
async function fakeGraph() {
  const firstSend = new Map<string, number>();
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    request.on('end', () => {
      const at = Date.now();
      if (request.method === 'POST' && request.url?.endsWith('/messages')) {
        const to = ((JSON.parse(raw) as { to?: string }).to ?? '').replace(/^\+/, '');
        if (!firstSend.has(to)) {
          firstSend.set(to, at);
        }
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            messaging_product: 'whatsapp',
            contacts: [{ input: to, wa_id: to }],
            messages: [{ id: `wamid.${randomBytes(12).toString('hex')}` }],
          }),
        );
        return;
      }
      response.statusCode = 404;
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    firstSend,
    close: () => server.close(),
  };
}

async function startServer(
  graphUrl: string,
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--role', 'all'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-ack-')),
      SIGHTLINE_BOOTSTRAP_TOKEN: TOKEN,
      WHATSAPP_APP_SECRET: BENCH_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'bench',
      WHATSAPP_ACCESS_TOKEN: 'bench',
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_GRAPH_URL: graphUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', process.env.BENCH_LOG_LEVEL ? 'inherit' : 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const deadline = Date.now() + 60_000;
  while (!output.includes('Sightline is running')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, child };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}

async function measure(label: string, env: Record<string, string>, prefix: number): Promise<string> {
  const graph = await fakeGraph();
  const server = await startServer(graph.url, env);
  try {
    const enable = await fetch(`${server.url}/api/v1/routing/rules/01ROUTINGRULEACKNOWLEDGE00`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Acknowledge new conversations',
        conditions: [{ kind: 'first_message', is: true }],
        actions: [{ kind: 'acknowledge' }],
      }),
    });
    if (!enable.ok) {
      throw new Error(`could not enable the acknowledgement rule: ${enable.status}`);
    }
    const requests = newCustomers(RATE * SECONDS, prefix);
    const start = Date.now();
    const webhooks = await runPaced(server.url, requests, { connections: 32, rate: RATE });
    const deadline = Date.now() + 60_000;
    while (graph.firstSend.size < requests.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    // Request i was due at start + i/rate (open loop): latency counts from then.
    const latencies = requests
      .map((_, i) => {
        const sent = graph.firstSend.get(String(prefix * 1e8 + i));
        return sent === undefined ? undefined : sent - (start + (i * 1000) / RATE);
      })
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b);
    return `${label}: ${latencies.length}/${requests.length} acknowledged (${graph.firstSend.size} recipients); ack p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms (target < 1000 ms); baseline webhook round trip p50 ${webhooks.p50} ms, p99 ${webhooks.p99} ms`;
  } finally {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
    graph.close();
  }
}

const lines = [await measure('embedded SQLite', {}, 3361)];
if (PG_URL) {
  // A database of its own: the job queue's schema (pg-boss) lives in it too, and goes with it.
  const name = `ack_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    lines.push(
      await measure(
        'PostgreSQL',
        { DATABASE_URL: url.toString(), SIGHTLINE_MASTER_KEY: 'ab'.repeat(32) },
        3362,
      ),
    );
  } finally {
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}
console.log(
  `Acknowledgement latency, ${RATE} new conversations/s for ${SECONDS} s, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)}`,
);
console.log(lines.join('\n'));
