import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditEntry, createAuditLog, hashAuditRow } from '../src/audit/index.ts';
import { createManualClock, HOUR } from '../src/kernel/index.ts';
import { makeUser } from './support/access.ts';
import { openTestStore, type TestStore, testDialects } from './support/databases.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

interface Page {
  data: AuditEntry[];
  nextCursor: string | null;
}

describe.each(testDialects)('the audit chain (%s)', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(async () => {
    await store?.cleanup();
  });
  const log = () =>
    createAuditLog({ db: store.db, dialect: store.dialect, clock: { now: () => Date.now() } });

  it('stays one unbroken chain under 60 concurrent appends', async () => {
    const audit = log();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        audit.record({ action: 'test.appended', actor: { type: 'system', id: null }, details: { i } }),
      ),
    );
    const verdict = await audit.verify();
    expect(verdict).toEqual({ ok: true, checked: 60, headId: 60 });
    const ids = (await store.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) =>
      Number(r.id),
    );
    expect(ids).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('detects an edited entry, a deleted entry and a truncated tail', async () => {
    const audit = log();
    const original = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '=', 10)
      .executeTakeFirstOrThrow();

    await store.db.updateTable('audit_log').set({ details: '{"i":999}' }).where('id', '=', 10).execute();
    expect(await audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { id: 10, reason: 'hash_mismatch' },
    });
    await store.db.updateTable('audit_log').set({ details: original.details }).where('id', '=', 10).execute();
    expect((await audit.verify()).ok).toBe(true);

    await store.db.deleteFrom('audit_log').where('id', '=', 10).execute();
    expect(await audit.verify()).toMatchObject({ ok: false, firstBroken: { id: 10, reason: 'gap' } });
    await store.db.insertInto('audit_log').values(original).execute();

    const last = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '=', 60)
      .executeTakeFirstOrThrow();
    await store.db.deleteFrom('audit_log').where('id', '=', 60).execute();
    expect(await audit.verify()).toMatchObject({ ok: false, firstBroken: { reason: 'head_mismatch' } });
    await store.db.insertInto('audit_log').values(last).execute();

    // A forger who recomputes the edited row's own hash still breaks the link to the next row.
    const row = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '=', 20)
      .executeTakeFirstOrThrow();
    const forged = { ...row, id: Number(row.id), at: Number(row.at), action: 'test.forged' };
    await store.db
      .updateTable('audit_log')
      .set({ action: forged.action, hash: hashAuditRow(forged) })
      .where('id', '=', 20)
      .execute();
    expect(await audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { id: 21, reason: 'prev_hash_mismatch' },
    });
  });
});

describe.each(testDialects)('the audit trail API (%s)', (dialect) => {
  let server: TestServer;
  const clock = createManualClock(Date.now());
  beforeAll(async () => {
    server = await startTestServer(dialect, { clock });
  });
  afterAll(async () => {
    await server?.close();
  });

  const entries = async (query: string) =>
    (await server.api<Page>('GET', `/api/v1/audit?${query}`)).body.data;

  const login = (email: string, password: string, extra: Record<string, unknown> = {}) =>
    fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'audit-test/1.0' },
      body: JSON.stringify({ email, password, ...extra }),
    });

  it('records sign-in, failed sign-in and sign-out with who, when and from where', async () => {
    const agent = await makeUser(server, 'agent');
    expect((await login(agent.email, 'wrong password')).status).toBe(401);
    const ok = await login(agent.email, agent.password);
    expect(ok.status).toBe(200);
    const cookie = ok.headers.getSetCookie()[0]!.split(';')[0]!;
    await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie } });

    const failed = await entries('action=auth.sign_in_failed');
    expect(failed[0]).toMatchObject({
      actor: { type: 'anonymous', id: null },
      details: { email: agent.email, reason: 'auth.invalid_credentials' },
      ip: '127.0.0.1',
      userAgent: 'audit-test/1.0',
    });
    const mine = await entries(`actorId=${agent.id}`);
    expect(mine.map((e) => e.action)).toEqual(['auth.signed_out', 'auth.signed_in']);
    expect(mine[1]!.at).toBe(clock.now());
    const created = await entries(`action=user.created&targetId=${agent.id}`);
    expect(created[0]).toMatchObject({ actor: { type: 'bootstrap' }, details: { role: 'agent' } });
  });

  it('records role and token changes, and a revoked or expired token used again', async () => {
    const user = await makeUser(server, 'agent');
    await server.api('PATCH', `/api/v1/users/${user.id}`, { role: 'supervisor' });
    expect((await entries(`action=user.role_changed&targetId=${user.id}`))[0]?.details).toEqual({
      from: 'agent',
      to: 'supervisor',
    });

    const created = await server.api<{ token: string; data: { id: string } }>('POST', '/api/v1/tokens', {
      name: 'short-lived',
      role: 'agent',
      expiresAt: clock.now() + HOUR,
    });
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    expect((await server.api('GET', '/api/v1/tickets', undefined, bearer)).status).toBe(200);
    clock.advance(HOUR);
    const expired = await server.api<{ error: { reason: string } }>(
      'GET',
      '/api/v1/tickets',
      undefined,
      bearer,
    );
    expect(expired.status).toBe(401);
    expect(expired.body.error.reason).toBe('auth.token_expired');

    const other = await server.api<{ token: string; data: { id: string } }>('POST', '/api/v1/tokens', {
      name: 'to revoke',
      role: 'agent',
    });
    expect((await server.api('DELETE', `/api/v1/tokens/${other.body.data.id}`)).status).toBe(200);
    const revoked = await server.api('GET', '/api/v1/tickets', undefined, {
      authorization: `Bearer ${other.body.token}`,
    });
    expect(revoked.status).toBe(401);

    const rejected = await entries('action=auth.token_rejected');
    expect(rejected.map((e) => [e.actor.id, e.details.reason])).toEqual([
      [other.body.data.id, 'revoked'],
      [created.body.data.id, 'expired'],
    ]);
    expect(
      (await entries(`action=token.created,token.revoked&targetId=${other.body.data.id}`)).map(
        (e) => e.action,
      ),
    ).toEqual(['token.revoked', 'token.created']);
  });

  it('pages with a cursor, filters by period, and refuses what is not a filter', async () => {
    const all = await entries('limit=500');
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await server.api(
        'GET',
        `/api/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.data.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));
    expect(seen).toEqual([...seen].sort((a, b) => b - a));

    const late = await entries(`from=${clock.now()}`);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((e) => e.at >= clock.now())).toBe(true);
    expect(await entries(`to=${clock.now() - 10 * HOUR}`)).toEqual([]);

    for (const bad of ['cursor=abc', "actorType=x'--", 'from=yesterday', 'limit=0']) {
      expect((await server.api('GET', `/api/v1/audit?${bad}`)).status).toBe(400);
    }
  });

  it('exports CSV and JSON (the export itself audited) and lets auditors, not agents, read it', async () => {
    const csv = await server.api<string>('GET', '/api/v1/audit/export?format=csv&action=auth.sign_in_failed');
    expect(csv.status).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,at,actor_type,actor_id,action,target_type,target_id,ip,user_agent,details,prev_hash,hash',
    );
    expect(lines.length).toBe(2);
    expect(lines[1]).toContain('auth.sign_in_failed');

    const json = await server.api<AuditEntry[]>('GET', '/api/v1/audit/export?format=json');
    expect(json.body.length).toBeGreaterThan(5);
    expect(json.body[0]!.id).toBe(1);
    expect((await entries('action=audit.exported')).length).toBe(2);

    const auditor = await makeUser(server, 'auditor');
    expect((await auditor.api('GET', '/api/v1/audit')).status).toBe(200);
    expect((await auditor.api('GET', '/api/v1/audit/verify')).body).toMatchObject({ ok: true });
    const agent = await makeUser(server, 'agent');
    const denied = await agent.api<{ error: { reason: string } }>('GET', '/api/v1/audit');
    expect(denied.status).toBe(403);
    expect(denied.body.error.reason).toBe('auth.permission_required');
    expect((await entries(`action=access.denied&actorType=api_token`))[0]?.details).toMatchObject({
      permission: 'audit.read',
      onBehalfOf: agent.id,
    });
  });

  it('neutralises spreadsheet formulas in the CSV export', async () => {
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': '=HYPERLINK("http://evil")' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'x' }),
    });
    const csv = await server.api<string>('GET', '/api/v1/audit/export?format=csv&action=auth.sign_in_failed');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
