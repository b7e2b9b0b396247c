import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPayload } from '../src/whatsapp/index.ts';
import { makeTeam, makeUser, openTicket, storedMediaOf, type TestUser } from './support/access.ts';
import { testDialects } from './support/databases.ts';
import { eventually, QUIET_ANALYSIS, startTestServer, type TestServer } from './support/harness.ts';
import { loadMediaFixtures } from './support/media-fixtures.ts';

/** The attacker suite: every case must fail closed, with a clear status, and leave no trace it should not. */
const FIXTURE = fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/whatsapp/text.json'), 'utf8');

const SQL_PAYLOADS = [
  "' OR 1=1 --",
  '" OR ""="',
  "'; DROP TABLE tickets; --",
  '%',
  '_',
  '\\',
  "1' UNION SELECT password_hash FROM users --",
  '$1',
  '?',
];

interface ErrorBody {
  error: { kind: string; reason: string };
}

describe.each(testDialects)('the attacker suite (%s)', (dialect) => {
  let server: TestServer;
  let secret: string;
  let agent: TestUser;
  const other = { ticket: '', media: '' };
  const prefix = dialect === 'sqlite' ? '4490' : '4491';

  beforeAll(async () => {
    server = await startTestServer(dialect, { analysis: QUIET_ANALYSIS });
    secret = server.runtime.demo!.secrets.appSecret;
    const fx = await loadMediaFixtures();
    const teamA = await makeTeam(server, 'A');
    const teamB = await makeTeam(server, 'B');
    agent = await makeUser(server, 'agent', [teamA]);
    other.ticket = await openTicket(server, `${prefix}00001`, {
      teamId: teamB,
      image: fx.png,
      text: 'B only',
    });
    other.media = await storedMediaOf(server, other.ticket);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  const webhook = (body: string, headers: Record<string, string>) =>
    fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const countRows = async (table: 'messages' | 'tickets' | 'users') =>
    Number(
      (
        await server.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditCount = async (query: string) =>
    (await server.api<{ data: unknown[] }>('GET', `/api/v1/audit?limit=500&${query}`)).body.data.length;

  it('refuses forged webhook signatures and stores nothing', async () => {
    const before = await countRows('messages');
    const body = FIXTURE.replace(/"wamid\.[^"]+"/, '"wamid.forged-1"');
    const forged: Record<string, string>[] = [
      {},
      { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      { 'x-hub-signature-256': signPayload(body, 'not-the-app-secret') },
      { 'x-hub-signature-256': signPayload(`${body} `, secret) },
      { 'x-hub-signature-256': signPayload(body, secret).replace('sha256=', 'sha1=') },
    ];
    for (const headers of forged) {
      const response = await webhook(body, headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as ErrorBody).error.reason).toBe('webhook.bad_signature');
    }
    expect(await countRows('messages')).toBe(before);
  });

  it('treats a replayed signed body as a no-op', async () => {
    const body = FIXTURE.replace(/"wamid\.[^"]+"/, '"wamid.replayed-1"');
    const headers = { 'x-hub-signature-256': signPayload(body, secret) };
    expect((await webhook(body, headers)).status).toBe(200);
    const after = await countRows('messages');
    for (let i = 0; i < 3; i += 1) {
      expect((await webhook(body, headers)).status).toBe(200);
    }
    expect(await countRows('messages')).toBe(after);
  });

  it('answers 404 to IDOR on another team’s ticket and media, and records the attempt', async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/v1/tickets/${other.ticket}`],
      ['GET', `/api/v1/tickets/${other.ticket}/messages`],
      ['PATCH', `/api/v1/tickets/${other.ticket}`, { assigneeId: agent.id }],
      ['POST', `/api/v1/tickets/${other.ticket}/messages`, { type: 'text', text: 'hijack' }],
      ['GET', `/api/v1/media/${other.media}`],
      ['GET', `/api/v1/media/${other.media}/thumbnail`],
    ];
    for (const [method, url, body] of attempts) {
      const response = await agent.api<ErrorBody>(method, url, body);
      expect(response.status, `${method} ${url}`).toBe(404);
    }
    expect(await auditCount(`action=access.denied&targetId=${other.ticket}`)).toBe(4);
    expect(await auditCount(`action=access.denied&targetId=${other.media}`)).toBe(2);
    const ticket = await server.api<{ assigneeId: string | null }>('GET', `/api/v1/tickets/${other.ticket}`);
    expect(ticket.body.assigneeId).toBeNull();
    // Guessing ids of tickets that do not exist looks the same and is not recorded.
    expect((await agent.api('GET', '/api/v1/tickets/01JZZZZZZZZZZZZZZZZZZZZZZZ')).status).toBe(404);
  });

  it('refuses path traversal in media ids and neutralises it in file names', async () => {
    for (const id of [
      '..%2F..%2Fetc%2Fpasswd',
      '..%5C..%5Cwindows',
      '%2e%2e%2f%2e%2e%2fmaster-key.json',
      'x'.repeat(65),
    ]) {
      const response = await fetch(`${server.url}/api/v1/media/${id}`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      expect([400, 404]).toContain(response.status);
    }
    const fx = await loadMediaFixtures();
    const customer = server.simulator.customer({ waId: `${prefix}00002`, name: 'Traversal' });
    await customer.sendDocument({
      data: fx.pdf,
      mimeType: 'application/pdf',
      filename: '../../../etc/passwd.pdf',
    }).delivery;
    const ticketId = await eventually(async () => {
      const list = await server.api<{ data: { id: string }[] }>('GET', `/api/v1/tickets?q=${prefix}00002`);
      return list.body.data[0]?.id;
    });
    const mediaId = await storedMediaOf(server, ticketId);
    const messages = await server.api<{ data: { media?: { filename: string } }[] }>(
      'GET',
      `/api/v1/tickets/${ticketId}/messages`,
    );
    const filename = messages.body.data[0]!.media!.filename;
    expect(filename).not.toMatch(/[/\\]/);
    const file = await fetch(`${server.url}/api/v1/media/${mediaId}?download=1`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).not.toMatch(/\.\.\//);
  });

  it('treats SQL metacharacters in every filter as data', async () => {
    const tickets = await countRows('tickets');
    const users = await countRows('users');
    for (const payload of SQL_PAYLOADS) {
      const value = encodeURIComponent(payload);
      for (const filter of ['q', 'tag', 'language', 'teamId', 'assigneeId', 'contactId', 'cursor']) {
        const response = await agent.api<{ data?: { id: string }[] }>(
          'GET',
          `/api/v1/tickets?${filter}=${value}`,
        );
        expect([200, 400], `${filter}=${payload}`).toContain(response.status);
        if (response.status === 200 && !['q'].includes(filter)) {
          expect(response.body.data, `${filter}=${payload}`).toEqual([]);
        }
      }
      for (const filter of ['status', 'priority', 'sort', 'view']) {
        expect((await agent.api('GET', `/api/v1/tickets?${filter}=${value}`)).status).toBe(400);
      }
      for (const filter of ['actorId', 'action', 'targetType', 'targetId', 'cursor', 'actorType', 'from']) {
        const response = await server.api<{ data?: unknown[] }>('GET', `/api/v1/audit?${filter}=${value}`);
        expect([200, 400], `audit ${filter}=${payload}`).toContain(response.status);
        if (response.status === 200) {
          expect(response.body.data).toEqual([]);
        }
      }
      const search = await agent.api<{ data: unknown[] }>('GET', `/api/v1/tickets?q=${value}`);
      expect(search.body.data.length).toBeLessThanOrEqual(1);
    }
    expect(await countRows('tickets')).toBe(tickets);
    expect(await countRows('users')).toBe(users);
  });

  it('refuses oversized, deeply nested and prototype-polluting JSON', async () => {
    const post = (body: string) =>
      fetch(`${server.url}/api/v1/tickets/${other.ticket}/notes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body,
      });
    const huge = await post(JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    const deep = await post(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as ErrorBody).error.reason).toBe('request.too_deep');
    const nestedObject = await post(`{"text":"x","a":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`);
    expect(nestedObject.status).toBe(400);
    const proto = await post('{"text":"x","__proto__":{"isAdmin":true}}');
    expect(proto.status).toBe(400);
    const bigWebhook = await webhook('x'.repeat(4 * 1024 * 1024), { 'x-hub-signature-256': 'sha256=00' });
    expect(bigWebhook.status).toBe(413);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('refuses expired and revoked tokens with 401 and an audit entry', async () => {
    const expiring = await server.runtime.auth.tokens.create({
      name: 'soon',
      role: 'admin',
      userId: null,
      expiresAt: Date.now() + 50,
    });
    await new Promise((resolve) => setTimeout(resolve, 80));
    const revoked = await server.runtime.auth.tokens.create({ name: 'gone', role: 'admin', userId: null });
    await server.runtime.auth.tokens.revoke(revoked.data.id);
    for (const { token } of [expiring, revoked]) {
      const response = await fetch(`${server.url}/api/v1/tickets`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
    }
    expect(await auditCount(`action=auth.token_rejected&actorId=${expiring.data.id}`)).toBe(1);
    expect(await auditCount(`action=auth.token_rejected&actorId=${revoked.data.id}`)).toBe(1);
  });

  it('refuses cookie-session writes without the CSRF header', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: agent.email, password: agent.password }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(login.headers.getSetCookie()[0]).toMatch(/HttpOnly/i);
    expect(login.headers.getSetCookie()[0]).toMatch(/SameSite=Lax/i);
    const forged = await fetch(`${server.url}/api/v1/auth/logout`.replace('logout', 'totp'), {
      method: 'POST',
      headers: { cookie },
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as ErrorBody).error.reason).toBe('auth.csrf_header_required');
  });

  it('answers 404 for an erased customer’s media, signed link or not', async () => {
    const fx = await loadMediaFixtures();
    const image = Buffer.concat([fx.png, Buffer.from(`erased-${prefix}`)]);
    const ticketId = await openTicket(server, `${prefix}00003`, { image });
    const mediaId = await storedMediaOf(server, ticketId);
    const messages = await server.api<{ data: { media?: { urls: { original: string } } }[] }>(
      'GET',
      `/api/v1/tickets/${ticketId}/messages`,
    );
    const signedUrl = messages.body.data[0]!.media!.urls.original;
    expect((await fetch(`${server.url}${signedUrl}`)).status).toBe(200);
    const contactId = (await server.api<{ contact: { id: string } }>('GET', `/api/v1/tickets/${ticketId}`))
      .body.contact.id;
    await server.api('POST', `/api/v1/customers/${contactId}/erase`, { confirm: contactId });
    for (const response of [
      await fetch(`${server.url}${signedUrl}`),
      await fetch(`${server.url}/api/v1/media/${mediaId}`, {
        headers: { authorization: `Bearer ${server.token}` },
      }),
    ]) {
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.reason).toBe('media.erased');
    }
  });

  // Last: it leaves this address rate-limited on the webhook.
  it('rate-limits an address that keeps sending bad webhook signatures', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i += 1) {
      statuses.push((await webhook(FIXTURE, { 'x-hub-signature-256': `sha256=${'1'.repeat(64)}` })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    const good = await webhook(FIXTURE, { 'x-hub-signature-256': signPayload(FIXTURE, secret) });
    expect(good.status).toBe(429);
  });
});
