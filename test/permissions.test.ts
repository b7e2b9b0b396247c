import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_MATRIX, ROLES, type Role } from '../src/auth/index.ts';
import { makeTeam, makeUser, openTicket, storedMediaOf, type TestUser } from './support/access.ts';
import { testDialects } from './support/databases.ts';
import { startTestServer, type TestServer } from './support/harness.ts';
import { loadMediaFixtures } from './support/media-fixtures.ts';

/**
 * The permission matrix as a table: every role × every route family × a ticket of the caller's own
 * team and of another team. The agent belongs to team A; "own" is a team-A ticket, "other" a team-B one.
 * Admins, supervisors and auditors see every team; auditors change nothing.
 */
type Scope = 'own' | 'other';
type Family = { name: string; request: (ids: TicketIds) => [string, string, unknown?] };
interface TicketIds {
  ticket: string;
  media: string;
}

const TICKET_FAMILIES: Family[] = [
  { name: 'ticket detail', request: ({ ticket }) => ['GET', `/api/v1/tickets/${ticket}`] },
  { name: 'messages', request: ({ ticket }) => ['GET', `/api/v1/tickets/${ticket}/messages`] },
  { name: 'timeline', request: ({ ticket }) => ['GET', `/api/v1/tickets/${ticket}/events`] },
  { name: 'mark read', request: ({ ticket }) => ['POST', `/api/v1/tickets/${ticket}/read`] },
  { name: 'media', request: ({ media }) => ['GET', `/api/v1/media/${media}`] },
  { name: 'media preview', request: ({ media }) => ['GET', `/api/v1/media/${media}/preview`] },
  { name: 'update', request: ({ ticket }) => ['PATCH', `/api/v1/tickets/${ticket}`, { priority: 'high' }] },
  { name: 'note', request: ({ ticket }) => ['POST', `/api/v1/tickets/${ticket}/notes`, { text: 'checked' }] },
  {
    name: 'reply',
    request: ({ ticket }) => ['POST', `/api/v1/tickets/${ticket}/messages`, { type: 'text', text: 'hi' }],
  },
];

const READS = new Set(['ticket detail', 'messages', 'timeline', 'mark read', 'media', 'media preview']);
const SUCCESS: Record<string, number> = { 'mark read': 204, note: 201, reply: 202 };

/** Expected status of a ticket family for a role and scope. */
function expectedTicketStatus(role: Role, family: string, scope: Scope): number {
  const ok = SUCCESS[family] ?? 200;
  const isRead = READS.has(family);
  switch (role) {
    case 'admin':
    case 'supervisor':
      return ok;
    case 'auditor':
      return isRead ? ok : 403;
    case 'agent':
      return scope === 'own' ? ok : 404;
  }
}

const OTHER_FAMILIES: {
  name: string;
  method: string;
  url: string;
  body?: unknown;
  allowed: Role[];
  ok: number;
}[] = [
  { name: 'ticket list', method: 'GET', url: '/api/v1/tickets', allowed: [...ROLES], ok: 200 },
  { name: 'inbox counts', method: 'GET', url: '/api/v1/tickets/counts', allowed: [...ROLES], ok: 200 },
  { name: 'user directory', method: 'GET', url: '/api/v1/users', allowed: [...ROLES], ok: 200 },
  { name: 'teams', method: 'GET', url: '/api/v1/teams', allowed: [...ROLES], ok: 200 },
  { name: 'audit log', method: 'GET', url: '/api/v1/audit', allowed: ['admin', 'auditor'], ok: 200 },
  {
    name: 'audit export',
    method: 'GET',
    url: '/api/v1/audit/export',
    allowed: ['admin', 'auditor'],
    ok: 200,
  },
  {
    name: 'audit verify',
    method: 'GET',
    url: '/api/v1/audit/verify',
    allowed: ['admin', 'auditor'],
    ok: 200,
  },
  { name: 'API tokens', method: 'GET', url: '/api/v1/tokens', allowed: ['admin'], ok: 200 },
  {
    name: 'retention report',
    method: 'GET',
    url: '/api/v1/retention',
    allowed: ['admin', 'auditor'],
    ok: 200,
  },
  {
    name: 'retention change',
    method: 'PUT',
    url: '/api/v1/retention',
    body: { media: null },
    allowed: ['admin'],
    ok: 200,
  },
  // An unknown customer: allowed callers get 404, everyone else 403 before the lookup.
  {
    name: 'customer export',
    method: 'GET',
    url: '/api/v1/customers/nobody/export',
    allowed: ['admin'],
    ok: 404,
  },
  {
    name: 'customer erase',
    method: 'POST',
    url: '/api/v1/customers/nobody/erase',
    body: { confirm: 'nobody' },
    allowed: ['admin'],
    ok: 404,
  },
  {
    name: 'create team',
    method: 'POST',
    url: '/api/v1/teams',
    body: { name: `t-${Math.random()}` },
    allowed: ['admin'],
    ok: 201,
  },
  {
    name: 'create token',
    method: 'POST',
    url: '/api/v1/tokens',
    body: { name: 'x', role: 'agent' },
    allowed: ['admin'],
    ok: 201,
  },
];

describe.each(testDialects)('the permission matrix (%s)', (dialect) => {
  let server: TestServer;
  const users = {} as Record<Role, TestUser>;
  const tickets = {} as Record<Scope | 'assigned' | 'queue', TicketIds>;
  let teamA: string;
  let teamB: string;
  const prefix = dialect === 'sqlite' ? '4470' : '4471';

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const fx = await loadMediaFixtures();
    teamA = await makeTeam(server, 'Team A');
    teamB = await makeTeam(server, 'Team B');
    users.admin = await makeUser(server, 'admin');
    users.supervisor = await makeUser(server, 'supervisor');
    users.agent = await makeUser(server, 'agent', [teamA]);
    users.auditor = await makeUser(server, 'auditor');
    const place = async (n: string, placement: { teamId?: string | null; assigneeId?: string | null }) => {
      const ticket = await openTicket(server, `${prefix}${n}`, { ...placement, image: fx.png });
      return { ticket, media: await storedMediaOf(server, ticket) };
    };
    tickets.own = await place('00001', { teamId: teamA });
    tickets.other = await place('00002', { teamId: teamB });
    tickets.assigned = await place('00003', { teamId: teamB, assigneeId: users.agent.id });
    tickets.queue = await place('00004', {});
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  const cases = ROLES.flatMap((role) =>
    TICKET_FAMILIES.flatMap((family) =>
      (['own', 'other'] as const).map((scope) => ({ role, family, scope })),
    ),
  );

  it.each(cases)('$role × $family.name × $scope team', async ({ role, family, scope }) => {
    const [method, url, body] = family.request(tickets[scope]);
    const response = await users[role].api(method, url, body);
    expect(response.status).toBe(expectedTicketStatus(role, family.name, scope));
  });

  it.each(ROLES.flatMap((role) => OTHER_FAMILIES.map((family) => ({ role, family }))))(
    '$role × $family.name',
    async ({ role, family }) => {
      const response = await users[role].api(family.method, family.url, family.body);
      expect(response.status).toBe(family.allowed.includes(role) ? family.ok : 403);
    },
  );

  it('lists for an agent only their team, their assignments and the open queue', async () => {
    const visible = async (user: TestUser) => {
      const list = await user.api<{ data: { id: string }[] }>('GET', `/api/v1/tickets?q=${prefix}&limit=50`);
      return new Set(list.body.data.map((t) => t.id));
    };
    const agentSees = await visible(users.agent);
    expect(agentSees).toEqual(new Set([tickets.own.ticket, tickets.assigned.ticket, tickets.queue.ticket]));
    const counts = await users.agent.api<{ all: number }>('GET', '/api/v1/tickets/counts');
    expect(counts.body.all).toBeLessThanOrEqual(3);
    for (const role of ['admin', 'supervisor', 'auditor'] as const) {
      expect((await visible(users[role])).size).toBe(4);
    }
    // Filtering by the other team's id does not widen the scope.
    const byTeam = await users.agent.api<{ data: unknown[] }>('GET', `/api/v1/tickets?teamId=${teamB}`);
    expect(byTeam.body.data.map((t) => (t as { id: string }).id)).toEqual([tickets.assigned.ticket]);
  });

  it('masks card and IBAN numbers in previews and search results for roles without the right', async () => {
    await openTicket(server, `${prefix}00009`, {
      text: 'card 4111 1111 1111 1111, IBAN DE89370400440532013000',
    });
    const preview = async (user: TestUser) => {
      const list = await user.api<{ data: { lastMessagePreview: string }[] }>(
        'GET',
        `/api/v1/tickets?q=${prefix}00009`,
      );
      return list.body.data[0]?.lastMessagePreview;
    };
    expect(await preview(users.agent)).toBe('card •••• 1111, IBAN DE•• •••• 3000');
    for (const role of ['admin', 'supervisor', 'auditor'] as const) {
      expect(await preview(users[role])).toBe('card 4111 1111 1111 1111, IBAN DE89370400440532013000');
    }
  });

  it('restricts media flagged sensitive to roles with media.read_sensitive', async () => {
    const fx = await loadMediaFixtures();
    const image = Buffer.concat([fx.png, Buffer.from(`passport-${prefix}`)]);
    const ticket = await openTicket(server, `${prefix}00010`, { teamId: teamA, image });
    const media = await storedMediaOf(server, ticket);
    expect(
      (
        await users.agent.api('PUT', `/api/v1/media/${media}/sensitivity`, {
          sensitiveClass: 'identity_document',
        })
      ).status,
    ).toBe(403);
    const flagged = await users.supervisor.api('PUT', `/api/v1/media/${media}/sensitivity`, {
      sensitiveClass: 'identity_document',
    });
    expect(flagged.status).toBe(200);
    const urlsFor = async (user: TestUser) => {
      const page = await user.api<{ data: { media?: { sensitiveClass: string; urls: unknown } }[] }>(
        'GET',
        `/api/v1/tickets/${ticket}/messages`,
      );
      return page.body.data[0]?.media;
    };
    expect(await urlsFor(users.agent)).toMatchObject({ sensitiveClass: 'identity_document', urls: null });
    const denied = await users.agent.api<{ error: { reason: string } }>('GET', `/api/v1/media/${media}`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.reason).toBe('media.restricted');
    for (const role of ['admin', 'supervisor', 'auditor'] as const) {
      expect((await urlsFor(users[role]))?.urls).not.toBeNull();
      expect((await users[role].api('GET', `/api/v1/media/${media}`)).status).toBe(200);
    }
    const audit = await server.api<{ data: { action: string; details: { reason?: string } }[] }>(
      'GET',
      `/api/v1/audit?targetId=${media}&action=access.denied,media.classified`,
    );
    expect(audit.body.data.map((e) => e.details.reason ?? e.action)).toEqual([
      'sensitive_media',
      'media.classified',
    ]);
  });

  it('streams live updates only about tickets the caller may see', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/v1/events/stream`, {
      headers: { authorization: `Bearer ${users.agent.token}` },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const received: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          return;
        }
        received.push(decoder.decode(value));
      }
    })().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.api('POST', `/api/v1/tickets/${tickets.other.ticket}/notes`, { text: 'secret B' });
    await server.api('POST', `/api/v1/tickets/${tickets.own.ticket}/notes`, { text: 'for A' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    await reading;
    const text = received.join('');
    expect(text).toContain(tickets.own.ticket);
    expect(text).not.toContain(tickets.other.ticket);
  });

  it('narrows a token to its scopes: a read-only agent token cannot write', async () => {
    const { token } = await server.runtime.auth.tokens.create({
      name: 'read only',
      role: 'agent',
      userId: users.agent.id,
      permissions: ['tickets.read'],
    });
    const as = { authorization: `Bearer ${token}` };
    expect((await server.api('GET', `/api/v1/tickets/${tickets.own.ticket}`, undefined, as)).status).toBe(
      200,
    );
    const note = await server.api('POST', `/api/v1/tickets/${tickets.own.ticket}/notes`, { text: 'x' }, as);
    expect(note.status).toBe(403);
    // Scopes never widen a role: an agent token asking for audit.read still cannot read the audit log.
    const widened = await server.runtime.auth.tokens.create({
      name: 'greedy',
      role: 'agent',
      userId: null,
      permissions: ['audit.read'],
    });
    const audit = await server.api('GET', '/api/v1/audit', undefined, {
      authorization: `Bearer ${widened.token}`,
    });
    expect(audit.status).toBe(403);
  });

  it('documents every permission of the matrix in docs/permissions.md', async () => {
    const fs = await import('node:fs');
    const doc = fs.readFileSync(new URL('../docs/permissions.md', import.meta.url), 'utf8');
    for (const [permission, roles] of Object.entries(PERMISSION_MATRIX)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${permission}\``));
      expect(row, permission).toBeDefined();
      const cells = row!.split('|').map((c) => c.trim());
      ROLES.forEach((role, i) => {
        expect(cells[i + 2], `${permission} × ${role}`).toBe(
          (roles as readonly Role[]).includes(role) ? '✓' : '',
        );
      });
    }
  });
});
