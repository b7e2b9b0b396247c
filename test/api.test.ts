import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, HOUR } from '../src/kernel/index.ts';
import { autoCloseJob } from '../src/tickets/index.ts';
import { testDialects } from './support/databases.ts';
import { eventually, startTestServer, type TestServer } from './support/harness.ts';

interface UserBody {
  user: { email: string; language: string };
}

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

describe.each(testDialects)('the REST API (%s)', (dialect) => {
  let server: TestServer;
  const clock = createManualClock(Date.now());
  beforeAll(async () => {
    server = await startTestServer(dialect, { clock });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('requires authentication and names the problem', async () => {
    const response = await fetch(`${server.url}/api/v1/tickets`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { requestId: string } };
    expect(body.error).toMatchObject({ kind: 'unauthenticated', reason: 'auth.required' });
    expect(body.error.requestId).toBeTruthy();
    const badToken = await server.api('GET', '/api/v1/tickets', undefined, {
      authorization: 'Bearer sl_nope',
    });
    expect(badToken.status).toBe(401);
  });

  it('names the field when input is invalid', async () => {
    const limit = await server.api<{ error: { reason: string; message: string } }>(
      'GET',
      '/api/v1/tickets?limit=5000',
    );
    expect(limit.status).toBe(400);
    expect(limit.body.error.message).toBe('limit: must be at most 200');
    const status = await server.api<{ error: { message: string } }>(
      'GET',
      '/api/v1/tickets?status=open,bogus',
    );
    expect(status.status).toBe(400);
    expect(status.body.error.message).toMatch(/^status\.1: must be one or more of/);
    const cursor = await server.api<{ error: { reason: string } }>('GET', '/api/v1/tickets?cursor=garbage');
    expect(cursor.body.error.reason).toBe('pagination.invalid_cursor');
    const missing = await server.api('GET', '/api/v1/tickets/01JUNKNOWNTICKET');
    expect(missing.status).toBe(404);
  });

  it('pages through tickets with a cursor, sorted by last activity', async () => {
    for (let i = 0; i < 7; i += 1) {
      clock.advance(1_000);
      await server.simulator.customer({ waId: `4477000000${i}`, name: `Page ${i}` }).sendText(`hello ${i}`)
        .delivery;
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = `/api/v1/tickets?q=4477000000&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: Page<{ id: string; contact: { name: string } }> } = await server.api('GET', query);
      seen.push(...page.body.data.map((t) => t.contact.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Page 6', 'Page 5', 'Page 4', 'Page 3', 'Page 2', 'Page 1', 'Page 0']);
    const waiting = await server.api<Page<{ contact: { name: string } }>>(
      'GET',
      '/api/v1/tickets?q=4477000000&sort=waiting&limit=2',
    );
    expect(waiting.body.data.map((t) => t.contact.name)).toEqual(['Page 0', 'Page 1']);
  });

  it('refuses a free-form reply once the 24-hour window has closed, and says a template is needed', async () => {
    const customer = server.simulator.customer({ waId: '4477100000', name: 'Late' });
    await customer.sendText('Hi').delivery;
    const list = await server.api<Page<{ id: string }>>('GET', '/api/v1/tickets?q=4477100000');
    const id = list.body.data[0]!.id;
    clock.advance(23 * HOUR);
    const inWindow = await server.api('POST', `/api/v1/tickets/${id}/messages`, {
      type: 'text',
      text: 'Still here',
    });
    expect(inWindow.status).toBe(202);
    const detail = await server.api<{ window: { open: boolean; expiresAt: number } }>(
      'GET',
      `/api/v1/tickets/${id}`,
    );
    expect(detail.body.window.open).toBe(true);
    clock.advance(1 * HOUR + 1);
    const late = await server.api<{ error: { kind: string; reason: string; message: string } }>(
      'POST',
      `/api/v1/tickets/${id}/messages`,
      {
        type: 'text',
        text: 'Too late',
      },
    );
    expect(late.status).toBe(409);
    expect(late.body.error.reason).toBe('whatsapp.window_closed');
    expect(late.body.error.message).toContain('template');
    // The customer writing again reopens the window.
    await customer.sendText('Back again').delivery;
    const reopened = await server.api('POST', `/api/v1/tickets/${id}/messages`, {
      type: 'text',
      text: 'Welcome back',
    });
    expect(reopened.status).toBe(202);
    await eventually(() => customer.inbox().length === 2);
  });

  it('closes solved tickets after the auto-close delay, once, and opens a new ticket afterwards', async () => {
    const customer = server.simulator.customer({ waId: '4477200000', name: 'Solved' });
    await customer.sendText('Thanks, all good').delivery;
    const id = (await server.api<Page<{ id: string }>>('GET', '/api/v1/tickets?q=4477200000')).body.data[0]!
      .id;
    await server.api('PATCH', `/api/v1/tickets/${id}`, { status: 'solved' });
    clock.advance(95 * HOUR);
    await server.runtime.queue.enqueue(autoCloseJob, {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await server.api<{ status: string }>('GET', `/api/v1/tickets/${id}`)).body.status).toBe('solved');
    clock.advance(2 * HOUR);
    await server.runtime.queue.enqueue(autoCloseJob, {});
    await server.runtime.queue.enqueue(autoCloseJob, {});
    await eventually(
      async () =>
        (await server.api<{ status: string }>('GET', `/api/v1/tickets/${id}`)).body.status === 'closed',
    );
    const events = await server.api<{ data: { kind: string; data: { cause?: string } }[] }>(
      'GET',
      `/api/v1/tickets/${id}/events`,
    );
    expect(events.body.data.filter((e) => e.data.cause === 'auto_close')).toHaveLength(1);
    await customer.sendText('One more question').delivery;
    expect(
      (await server.api<Page<{ id: string }>>('GET', '/api/v1/tickets?q=4477200000')).body.data,
    ).toHaveLength(2);
  });

  it('validates reply bodies against WhatsApp limits', async () => {
    const list = await server.api<Page<{ id: string }>>('GET', '/api/v1/tickets?limit=1');
    const id = list.body.data[0]!.id;
    const tooLong = await server.api<{ error: { message: string } }>(
      'POST',
      `/api/v1/tickets/${id}/messages`,
      { type: 'text', text: 'x'.repeat(4097) },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('text: must be at most 4096');
    const extra = await server.api<{ error: { message: string } }>('POST', `/api/v1/tickets/${id}/messages`, {
      type: 'text',
      text: 'hi',
      sneaky: 1,
    });
    expect(extra.status).toBe(400);
    const badPatch = await server.api<{ error: { message: string } }>('PATCH', `/api/v1/tickets/${id}`, {
      status: 'archived',
    });
    expect(badPatch.body.error.message).toMatch(/^status: /);
    const notJson = await fetch(`${server.url}/api/v1/tickets/${id}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: '{"text": ',
    });
    expect(notJson.status).toBe(400);
  });

  it('signs in with a password, uses the session cookie, and demands the CSRF header for writes', async () => {
    const secrets = server.runtime.demo!.secrets;
    const wrong = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: secrets.adminEmail, password: 'wrong-password' }),
    });
    expect(wrong.status).toBe(401);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: secrets.adminEmail, password: secrets.adminPassword }),
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } });
    expect(((await me.json()) as UserBody).user.email).toBe(secrets.adminEmail);
    const noCsrf = await fetch(`${server.url}/api/v1/auth/me`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'ar' }),
    });
    expect(noCsrf.status).toBe(403);
    const withCsrf = await fetch(`${server.url}/api/v1/auth/me`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', 'x-sightline-csrf': '1' },
      body: JSON.stringify({ language: 'ar' }),
    });
    expect(((await withCsrf.json()) as UserBody).user.language).toBe('ar');
    await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie } });
    expect((await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('accepts API tokens created for automation, and refuses revoked ones', async () => {
    const {
      token,
      data: { id },
    } = await server.runtime.auth.tokens.create({ name: 'ci', role: 'agent', userId: null });
    const ok = await server.api('GET', '/api/v1/tickets/counts', undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(ok.status).toBe(200);
    await server.store.db
      .updateTable('api_tokens')
      .set({ revoked_at: Date.now() })
      .where('id', '=', id)
      .execute();
    const revoked = await server.api('GET', '/api/v1/tickets/counts', undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(revoked.status).toBe(401);
  });

  it('serves health, readiness and an OpenAPI document with the fixed routes', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', queue: 'ok' } });
    const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    for (const route of [
      '/api/v1/tickets',
      '/api/v1/tickets/{id}',
      '/api/v1/tickets/{id}/messages',
      '/api/v1/tickets/{id}/notes',
      '/webhooks/whatsapp',
    ]) {
      expect(openapi.paths[route], route).toBeDefined();
    }
    expect(openapi.paths['/api/v1/tickets']?.get.parameters.map((p: { name: string }) => p.name)).toContain(
      'cursor',
    );
  });
});
