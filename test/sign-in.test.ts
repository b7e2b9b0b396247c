import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase32, totp } from '../src/auth/index.ts';
import { createManualClock, MINUTE } from '../src/kernel/index.ts';
import { makeUser } from './support/access.ts';
import { testDialects } from './support/databases.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

describe.each(testDialects)('sign-in hardening (%s)', (dialect) => {
  let server: TestServer;
  const clock = createManualClock(Date.now());
  beforeAll(async () => {
    server = await startTestServer(dialect, { clock });
  });
  afterAll(async () => {
    await server?.close();
  });

  const login = async (body: Record<string, unknown>) => {
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { error?: { reason: string } };
    return {
      status: response.status,
      reason: json.error?.reason,
      cookie: response.headers.getSetCookie()[0],
    };
  };

  it('locks an account after 5 failures for 15 minutes, even against the right password', async () => {
    const user = await makeUser(server, 'agent');
    for (let i = 0; i < 4; i += 1) {
      expect(await login({ email: user.email, password: 'guess' })).toMatchObject({ status: 401 });
    }
    expect(await login({ email: user.email, password: 'guess' })).toMatchObject({
      status: 429,
      reason: 'auth.locked',
    });
    expect(await login({ email: user.email, password: user.password })).toMatchObject({ status: 429 });
    clock.advance(15 * MINUTE + 1);
    expect(await login({ email: user.email, password: user.password })).toMatchObject({ status: 200 });
    const locks = await server.api<{ data: { details: { reason: string } }[] }>(
      'GET',
      '/api/v1/audit?action=auth.sign_in_failed&limit=10',
    );
    expect(locks.body.data.filter((e) => e.details.reason === 'auth.locked').length).toBe(2);
  });

  it('enrols TOTP with an otpauth URI, then asks for a code at sign-in', async () => {
    const user = await makeUser(server, 'supervisor');
    const session = await login({ email: user.email, password: user.password });
    const cookie = session.cookie!.split(';')[0]!;
    const call = (method: string, url: string, body?: unknown) =>
      fetch(`${server.url}${url}`, {
        method,
        headers: {
          cookie,
          'x-sightline-csrf': '1',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    const begun = (await (await call('POST', '/api/v1/auth/totp')).json()) as { secret: string; uri: string };
    expect(begun.uri).toMatch(/^otpauth:\/\/totp\/Sightline:.+\?secret=[A-Z2-7]+&issuer=Sightline/);
    const stored = await server.store.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret).not.toContain(begun.secret);

    const key = decodeBase32(begun.secret);
    expect((await call('POST', '/api/v1/auth/totp/confirm', { code: '000000' })).status).toBe(400);
    expect((await call('POST', '/api/v1/auth/totp/confirm', { code: totp(key, clock.now()) })).status).toBe(
      204,
    );

    expect(await login({ email: user.email, password: user.password })).toMatchObject({
      status: 401,
      reason: 'auth.totp_required',
    });
    expect(await login({ email: user.email, password: user.password, totp: '123456' })).toMatchObject({
      status: 401,
      reason: 'auth.totp_invalid',
    });
    expect(
      await login({ email: user.email, password: user.password, totp: totp(key, clock.now()) }),
    ).toMatchObject({ status: 200 });
    const enabled = await server.api<{ data: unknown[] }>(
      'GET',
      `/api/v1/audit?action=auth.totp_enabled&actorId=${user.id}`,
    );
    expect(enabled.body.data.length).toBe(1);
  });

  it('ends the sessions of a disabled user at once', async () => {
    const user = await makeUser(server, 'agent');
    const session = await login({ email: user.email, password: user.password });
    const cookie = session.cookie!.split(';')[0]!;
    const me = () => fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } });
    expect((await me()).status).toBe(200);
    expect((await server.api('PATCH', `/api/v1/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await me()).status).toBe(401);
    expect(await login({ email: user.email, password: user.password })).toMatchObject({ status: 401 });
  });
});
