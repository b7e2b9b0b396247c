import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPayload } from '../src/whatsapp/index.ts';
import { testDialects } from './support/databases.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

interface ErrorBody {
  error: { kind: string; reason: string; message: string };
}

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures/whatsapp');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe.each(testDialects)('the WhatsApp webhook (%s)', (dialect) => {
  let server: TestServer;
  let secret: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    secret = server.runtime.demo!.secrets.appSecret;
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signedPost = (body: string) => post(body, { 'x-hub-signature-256': signPayload(body, secret) });
  const countMessages = async () =>
    Number(
      (
        await server.store.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers the verification handshake only with the right token', async () => {
    const token = server.runtime.demo!.secrets.verifyToken;
    const ok = await fetch(
      `${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const bad = await fetch(
      `${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`,
    );
    expect(bad.status).toBe(403);
  });

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const body = fixture('text.json');
    const before = await countMessages();
    const missing = await post(body);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as ErrorBody).error).toMatchObject({
      kind: 'unauthenticated',
      reason: 'webhook.bad_signature',
    });
    const wrong = await post(body, { 'x-hub-signature-256': signPayload(body, 'not-the-secret') });
    expect(wrong.status).toBe(401);
    const tampered = await post(`${body} `, { 'x-hub-signature-256': signPayload(body, secret) });
    expect(tampered.status).toBe(401);
    expect(await countMessages()).toBe(before);
  });

  it('verifies the signature on the raw bytes Meta sent (escaped unicode and slashes)', async () => {
    const body = fixture('wire-image-escaped.json').trim();
    expect(body).toContain('\\u00e9');
    expect(body).toContain('\\/');
    const response = await signedPost(body);
    expect(response.status).toBe(200);
  });

  it('answers 400 with a reason for JSON that is not a WhatsApp payload, and for non-JSON', async () => {
    const notJson = await signedPost('this is not json');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as ErrorBody).error.reason).toBe('webhook.invalid_json');
    const wrongShape = await signedPost(
      JSON.stringify({ object: 'whatsapp_business_account', entry: 'nope' }),
    );
    expect(wrongShape.status).toBe(400);
    const error = ((await wrongShape.json()) as ErrorBody).error;
    expect(error.reason).toBe('webhook.invalid_payload');
    expect(error.message).toContain('entry');
  });

  it('acknowledges signed but irrelevant webhooks with 200 and ignores them', async () => {
    const before = await countMessages();
    for (const name of ['other-object-page.json', 'template-status-update.json']) {
      expect((await signedPost(fixture(name))).status).toBe(200);
    }
    expect(await countMessages()).toBe(before);
  });

  it('refuses a body over 3 MB with 413', async () => {
    const huge = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [],
      pad: 'x'.repeat(3 * 1024 * 1024 + 10),
    });
    const response = await signedPost(huge);
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.kind).toBe('payload_too_large');
  });

  const messageFixtures = fs
    .readdirSync(FIXTURES)
    .filter(
      (name) =>
        !name.startsWith('status') &&
        !['other-object-page.json', 'template-status-update.json', 'value-errors.json'].includes(name),
    );

  it.each(messageFixtures)('stores %s and is idempotent on redelivery', async (name) => {
    const body = fixture(name);
    const wamids = [...body.matchAll(/"id":\s*"(wamid\.[^"]+)"/g)].map((m) => m[1]!);
    const first = await signedPost(body);
    expect(first.status).toBe(200);
    const after = await countMessages();
    expect((await signedPost(body)).status).toBe(200);
    expect(await countMessages()).toBe(after);
    if (wamids.length > 0 && !name.includes('edit') && !name.includes('revoke')) {
      const stored = await server.store.db
        .selectFrom('messages')
        .select('wamid')
        .where('wamid', 'in', wamids)
        .execute();
      expect(stored.length).toBeGreaterThan(0);
    }
  });

  it('exposes webhook counters and latency in /metrics', async () => {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/sightline_webhook_requests_total\{outcome="accepted"\} \d+/);
    expect(metrics).toMatch(/sightline_webhook_requests_total\{outcome="bad_signature"\} \d+/);
    expect(metrics).toContain('sightline_webhook_ack_seconds_bucket');
    expect(metrics).toContain('sightline_job_queue_depth');
  });
});
