import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/kernel/index.ts';
import {
  type SimulatorHarness,
  startSimulatorHarness,
  TEST_CONFIG,
} from '../src/simulator/simulator.harness.ts';
import { type ChildServer, freePort, startChildServer } from './support/child-server.ts';
import { testDialects } from './support/databases.ts';
import { eventually } from './support/harness.ts';

const TOKEN = 'crash-test-bootstrap-token-0001';

/**
 * The helpdesk runs as a separate process and is killed with SIGKILL at the worst moments; the fake
 * Meta (simulator) lives in this process, so it can count what was really sent.
 */
describe.each(testDialects)('a crash loses nothing and duplicates nothing (%s)', (dialect) => {
  let meta: SimulatorHarness;
  let env: Record<string, string>;
  let port: number;
  let schema: string | undefined;
  let server: ChildServer | undefined;

  beforeAll(async () => {
    meta = await startSimulatorHarness({ clock: systemClock, retryDelaysMs: [100, 200, 400, 800, 1600] });
    port = await freePort();
    meta.simulator.setEndpoints({ webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp` });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-crash-'));
    let databaseUrl: Record<string, string> = {};
    if (dialect === 'postgres') {
      schema = `crash_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      databaseUrl = {
        DATABASE_URL: `${process.env.TEST_DATABASE_URL}?options=-c%20search_path%3D${schema}`,
        SIGHTLINE_MASTER_KEY: 'ab'.repeat(32),
      };
    }
    env = {
      DATA_DIR: dataDir,
      SIGHTLINE_BOOTSTRAP_TOKEN: TOKEN,
      WHATSAPP_APP_SECRET: TEST_CONFIG.appSecret,
      WHATSAPP_VERIFY_TOKEN: 'verify-me',
      WHATSAPP_ACCESS_TOKEN: TEST_CONFIG.accessToken,
      WHATSAPP_PHONE_NUMBER_ID: TEST_CONFIG.phoneNumberId,
      WHATSAPP_BUSINESS_ACCOUNT_ID: TEST_CONFIG.wabaId,
      WHATSAPP_GRAPH_URL: meta.graphUrl.replace(/\/simulator\/graph$/, '/simulator/graph'),
      ...databaseUrl,
    };
  });

  afterAll(async () => {
    await server?.crash();
    await meta?.close();
    if (schema) {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });

  const api = async <T>(method: string, route: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${route}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return (await response.json()) as T;
  };

  it('keeps an acknowledged message and sends a committed reply exactly once across kills', async () => {
    server = await startChildServer('api', env, port);
    const customer = meta.simulator.customer({ waId: '33611112222', name: 'Crash Test' });
    const sent = customer.sendText('Mon colis est arrivé cassé');
    expect((await sent.delivery).ok).toBe(true);
    // Acknowledged means committed: kill the process at once, with no chance to flush anything.
    await server.crash();

    server = await startChildServer('api', env, port);
    // Meta redelivers what it may think was lost; it must not be stored twice.
    await meta.simulator.redeliver(sent.deliveryId).done;
    const tickets = await api<{ data: { id: string }[] }>('GET', '/api/v1/tickets?q=33611112222');
    expect(tickets.data).toHaveLength(1);
    const ticketId = tickets.data[0]!.id;
    const messages = await api<{ data: unknown[] }>('GET', `/api/v1/tickets/${ticketId}/messages`);
    expect(messages.data).toHaveLength(1);

    // This process serves the API only: the reply and its send job are committed, nothing sends it yet.
    const reply = await api<{ data: { id: string } }>('POST', `/api/v1/tickets/${ticketId}/messages`, {
      type: 'text',
      text: 'Désolé ! Nous envoyons un remplacement.',
      idempotencyKey: 'crash-reply-1',
    });
    await server.crash();
    expect(customer.inbox()).toHaveLength(0);

    // A full process (api + worker) picks the job up after the crash and sends it once.
    server = await startChildServer('all', env, port);
    await eventually(() => customer.inbox().length === 1, 15_000);
    const stored = await eventually(async () => {
      const list = await api<{ data: { id: string; status: string }[] }>(
        'GET',
        `/api/v1/tickets/${ticketId}/messages`,
      );
      const message = list.data.find((m) => m.id === reply.data.id);
      return message && ['sent', 'delivered', 'read'].includes(message.status) && message;
    }, 15_000);
    expect(stored).toBeTruthy();
    await server.crash();

    // Once more from scratch: nothing is left to send, nothing is sent again.
    server = await startChildServer('all', env, port);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(customer.inbox()).toHaveLength(1);
    const again = await api<{ data: unknown[] }>('GET', `/api/v1/tickets/${ticketId}/messages`);
    expect(again.data).toHaveLength(2);
  }, 120_000);
});
