import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryEventBus } from '../src/events/index.ts';
import { createManualClock, MINUTE, newId } from '../src/kernel/index.ts';
import { createSlaModule } from '../src/sla/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { openTestStore, testDialects } from './support/databases.ts';
import { eventually, startTestServer, type TestServer } from './support/harness.ts';

interface Timer {
  metric: string;
  state: string;
  dueAt: number | null;
  warnAt: number | null;
  remainingMs: number | null;
  stoppedAt: number | null;
}

interface ErrorBody {
  error: { kind: string; reason: string; message: string };
}

/** Friday 3 April 2026, 16:00 in Paris (UTC+2); Monday 6 April is Easter Monday. */
const FRIDAY_4PM_PARIS = Date.parse('2026-04-03T14:00:00Z');

const PARIS_OFFICE = {
  name: 'Paris office',
  timeZone: 'Europe/Paris',
  hours: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: [{ date: '2026-04-06', name: 'Lundi de Pâques' }],
};

function webhookReceiver() {
  const received: { event: string; ticketId: string; metric: string }[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push(JSON.parse(body));
      response.writeHead(204).end();
    });
  });
  return {
    received,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`),
        ),
      ),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe.each(testDialects)('SLA timers, warnings and breaches (%s)', (dialect) => {
  let server: TestServer;
  const clock = createManualClock(FRIDAY_4PM_PARIS);
  const hooks = webhookReceiver();
  let supervisorId: string;
  let agentId: string;
  let teamId: string;

  const ticketOf = async (waId: string) => {
    const page = await server.api<{ data: { id: string }[] }>('GET', `/api/v1/tickets?q=${waId}`);
    return page.body.data[0]!.id;
  };
  const timersOf = async (ticketId: string) =>
    (await server.api<{ data: Timer[] }>('GET', `/api/v1/sla/tickets/${ticketId}`)).body.data;
  const eventsOf = async (ticketId: string, kind: string) =>
    (
      await server.api<{ data: { kind: string; data: Record<string, unknown> }[] }>(
        'GET',
        `/api/v1/tickets/${ticketId}/events`,
      )
    ).body.data.filter((e) => e.kind === kind);

  beforeAll(async () => {
    server = await startTestServer(dialect, { clock });
    const url = await hooks.start();
    const db = server.store.db;
    supervisorId = (
      await server.runtime.auth.createUser({
        email: 'sup@example.com',
        name: 'Sue',
        role: 'supervisor',
        password: 'a-long-password',
      })
    ).id;
    agentId = (
      await server.runtime.auth.createUser({
        email: 'agent@example.com',
        name: 'Ann',
        role: 'agent',
        password: 'a-long-password',
      })
    ).id;
    teamId = newId();
    await db.insertInto('teams').values({ id: teamId, name: 'Support', created_at: clock.now() }).execute();
    await db
      .insertInto('team_members')
      .values([
        { team_id: teamId, user_id: supervisorId },
        { team_id: teamId, user_id: agentId },
      ])
      .execute();
    const calendar = await server.api<{ id: string }>('POST', '/api/v1/sla/calendars', PARIS_OFFICE);
    expect(calendar.status).toBe(201);
    const vip = await server.api('POST', '/api/v1/sla/policies', {
      name: 'VIP, business hours',
      position: 10,
      conditions: { vip: true },
      calendarId: calendar.body.id,
      targets: { normal: { firstResponse: 120, resolution: 960 } },
    });
    expect(vip.status).toBe(201);
    const everyone = await server.api('POST', '/api/v1/sla/policies', {
      name: 'Everyone',
      position: 20,
      targets: {
        normal: { firstResponse: 60, nextResponse: 30, periodicUpdate: 120, resolution: 240 },
        high: { firstResponse: 30, nextResponse: 15, resolution: 120 },
      },
      warnShare: 0.75,
      actions: [
        { kind: 'raise_priority' },
        { kind: 'escalate_tier' },
        { kind: 'notify', userIds: [supervisorId] },
      ],
      webhookUrl: url,
    });
    expect(everyone.status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await hooks.stop();
  });

  it('refuses bad calendars and policies with a message naming the field', async () => {
    const zone = await server.api<ErrorBody>('POST', '/api/v1/sla/calendars', {
      ...PARIS_OFFICE,
      name: 'Nowhere',
      timeZone: 'Europe/Atlantis',
    });
    expect(zone.status).toBe(400);
    expect(zone.body.error.message).toMatch(/^timeZone: not a time zone/);
    const empty = await server.api<ErrorBody>('POST', '/api/v1/sla/calendars', {
      ...PARIS_OFFICE,
      name: 'Never',
      hours: [],
    });
    expect(empty.body.error.message).toBe('hours: a calendar needs working hours');
    const zero = await server.api<ErrorBody>('POST', '/api/v1/sla/policies', {
      name: 'Zero',
      position: 30,
      targets: { urgent: { firstResponse: 0 } },
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toBe(
      'targets.urgent.firstResponse: a target must be more than zero minutes',
    );
    const samePosition = await server.api<ErrorBody>('POST', '/api/v1/sla/policies', {
      name: 'Clash',
      position: 20,
      conditions: { tiers: ['L2'] },
      targets: { normal: { firstResponse: 10 } },
    });
    expect(samePosition.status).toBe(400);
    expect(samePosition.body.error.reason).toBe('sla.policy_position_taken');
    const unreachable = await server.api<ErrorBody>('POST', '/api/v1/sla/policies', {
      name: 'Too late',
      position: 30,
      conditions: { tiers: ['L3'] },
      targets: { normal: { firstResponse: 10 } },
    });
    expect(unreachable.body.error).toMatchObject({ kind: 'invalid_input', reason: 'sla.policy_unreachable' });
    expect(unreachable.body.error.message).toContain('“Everyone” (position 20)');
    const noCalendar = await server.api<ErrorBody>('POST', '/api/v1/sla/policies', {
      name: 'Lost',
      position: 5,
      conditions: { tiers: ['L3'] },
      calendarId: 'missing',
      targets: { normal: { firstResponse: 10 } },
    });
    expect(noCalendar.body.error.reason).toBe('sla.calendar_not_found');
  });

  it('counts a VIP target in business hours across a weekend and a holiday, and shows why in the dry-run', async () => {
    await server.store.db
      .insertInto('contacts')
      .values({
        id: newId(),
        wa_id: '33600000001',
        name: 'VIP',
        vip: 1,
        created_at: clock.now(),
        updated_at: clock.now(),
        bsuid: null,
        username: null,
        language: null,
      })
      .execute();
    await server.simulator.customer({ waId: '33600000001', name: 'VIP' }).sendText('Help please').delivery;
    const id = await ticketOf('33600000001');
    const first = (await timersOf(id)).find((t) => t.metric === 'firstResponse')!;
    // Friday 16:00 + 2 working hours: 1 h on Friday, then Saturday, Sunday and Easter Monday are skipped.
    expect(new Date(first.dueAt!).toISOString()).toBe('2026-04-07T08:00:00.000Z');
    expect(new Date(first.warnAt!).toISOString()).toBe('2026-04-07T07:30:00.000Z');
    const dryRun = await server.api<{ policyId: string; trace: { name: string; outcome: string }[] }>(
      'POST',
      '/api/v1/sla/policies/dry-run',
      { ticketId: id },
    );
    expect(dryRun.body.trace.map((t) => [t.name, t.outcome])).toEqual([
      ['VIP, business hours', 'applies'],
      ['Everyone', 'matches_but_shadowed'],
    ]);
  });

  it('pauses while the ticket is pending on the customer and resumes when they reply', async () => {
    const customer = server.simulator.customer({ waId: '33600000002', name: 'Pending' });
    await customer.sendText('My order is late').delivery;
    const id = await ticketOf('33600000002');
    clock.advance(20 * MINUTE);
    await server.api('PATCH', `/api/v1/tickets/${id}`, { status: 'pending' });
    const paused = (await timersOf(id)).find((t) => t.metric === 'firstResponse')!;
    expect(paused).toMatchObject({ state: 'paused', remainingMs: 40 * MINUTE });
    clock.advance(3 * 60 * MINUTE);
    await server.runtime.sla.sweep();
    expect(await eventsOf(id, 'sla_breached')).toHaveLength(0);
    await customer.sendText('Here is the order number').delivery;
    const resumed = (await timersOf(id)).find((t) => t.metric === 'firstResponse')!;
    expect(resumed.state).toBe('active');
    expect(resumed.dueAt).toBe(clock.now() + 40 * MINUTE);
  });

  it('warns, then breaches and escalates, once each, notifying the assignee, supervisor and webhook', async () => {
    const customer = server.simulator.customer({ waId: '33600000003', name: 'Late' });
    await customer.sendText('Nobody answers').delivery;
    const id = await ticketOf('33600000003');
    await server.api('PATCH', `/api/v1/tickets/${id}`, { assigneeId: agentId, teamId });
    clock.advance(45 * MINUTE);
    await server.runtime.sla.sweep();
    await server.runtime.sla.sweep();
    expect(await eventsOf(id, 'sla_warning')).toHaveLength(1);
    expect(await eventsOf(id, 'sla_breached')).toHaveLength(0);
    const agentToken = await server.runtime.auth.tokens.create({
      name: 'ann',
      role: 'agent',
      userId: agentId,
    });
    const inbox = await server.api<{ data: { kind: string; ticketId: string }[]; unread: number }>(
      'GET',
      '/api/v1/notifications',
      undefined,
      { authorization: `Bearer ${agentToken.token}` },
    );
    expect(inbox.body.data.filter((n) => n.ticketId === id).map((n) => n.kind)).toEqual(['sla.warning']);

    clock.advance(15 * MINUTE);
    await Promise.all([server.runtime.sla.sweep(), server.runtime.sla.sweep()]);
    await server.runtime.sla.sweep();
    expect(await eventsOf(id, 'sla_warning')).toHaveLength(1);
    const breaches = await eventsOf(id, 'sla_breached');
    expect(breaches.map((e) => e.data.metric)).toEqual(['firstResponse']);
    const ticket = await server.api<{ priority: string }>('GET', `/api/v1/tickets/${id}`);
    expect(ticket.body.priority).toBe('high');
    const row = await server.store.db
      .selectFrom('tickets')
      .select('tier')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row?.tier).toBe('L2');
    const notified = await server.store.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('ticket_id', '=', id)
      .orderBy('kind')
      .orderBy('user_id')
      .execute();
    expect(notified).toEqual(
      [
        { user_id: agentId, kind: 'sla.breached' },
        { user_id: supervisorId, kind: 'sla.breached' },
        { user_id: agentId, kind: 'sla.warning' },
        { user_id: supervisorId, kind: 'sla.warning' },
      ].sort((a, b) => a.kind.localeCompare(b.kind) || a.user_id.localeCompare(b.user_id)),
    );
    await eventually(() => hooks.received.filter((h) => h.ticketId === id).length === 2);
    // Two jobs, delivered independently (each retried on its own).
    expect(
      hooks.received
        .filter((h) => h.ticketId === id)
        .map((h) => h.event)
        .sort(),
    ).toEqual(['sla.breached', 'sla.warning']);
    const breached = await server.api<{ data: { ticketId: string; metric: string }[] }>(
      'GET',
      '/api/v1/sla/breached',
    );
    expect(breached.body.data.some((b) => b.ticketId === id && b.metric === 'firstResponse')).toBe(true);

    // The agent's reply stops the breached first-response timer; the customer's next message starts next response.
    await server.api('POST', `/api/v1/tickets/${id}/messages`, { type: 'text', text: 'Sorry for the wait' });
    await customer.sendText('Thanks, and?').delivery;
    const timers = await timersOf(id);
    expect(timers.find((t) => t.metric === 'firstResponse')).toMatchObject({ state: 'breached' });
    expect(timers.find((t) => t.metric === 'firstResponse')?.stoppedAt).not.toBeNull();
    // Priority is high now: the next response target is the high one.
    expect(timers.find((t) => t.metric === 'nextResponse')).toMatchObject({
      state: 'active',
      dueAt: clock.now() + 15 * MINUTE,
    });
    const compliance = await server.api<{ data: { key: string; metric: string; breached: number }[] }>(
      'GET',
      `/api/v1/sla/compliance?from=0&to=${clock.now() + 1}&groupBy=agent`,
    );
    expect(compliance.body.data.filter((r) => r.key === agentId)).toEqual([
      expect.objectContaining({ metric: 'firstResponse', achieved: 0, breached: 1, inProgress: 0 }),
      expect.objectContaining({ metric: 'nextResponse', achieved: 0, breached: 0, inProgress: 1 }),
      expect.objectContaining({ metric: 'resolution', achieved: 0, breached: 0, inProgress: 1 }),
    ]);
  });

  it('re-targets the running cycles when an agent changes the priority', async () => {
    await server.simulator.customer({ waId: '33600000005', name: 'Urgent' }).sendText('It is down').delivery;
    const id = await ticketOf('33600000005');
    const startedAt = clock.now();
    clock.advance(10 * MINUTE);
    await server.api('PATCH', `/api/v1/tickets/${id}`, { priority: 'high' });
    const timers = await timersOf(id);
    // High: 30 minutes for the first response, 120 for the resolution, counted from the first message.
    expect(timers.find((t) => t.metric === 'firstResponse')?.dueAt).toBe(startedAt + 30 * MINUTE);
    expect(timers.find((t) => t.metric === 'resolution')?.dueAt).toBe(startedAt + 120 * MINUTE);
  });

  it('does not count an internal note or a bot reply as the first response', async () => {
    const customer = server.simulator.customer({ waId: '33600000004', name: 'Noted' });
    await customer.sendText('Anyone there?').delivery;
    const id = await ticketOf('33600000004');
    await server.api('POST', `/api/v1/tickets/${id}/notes`, { text: 'Looking into it' });
    await server.store.db.transaction().execute((trx) => server.runtime.sla.onReplied(trx, id, 'bot'));
    expect((await timersOf(id)).find((t) => t.metric === 'firstResponse')?.state).toBe('active');
    await server.api('POST', `/api/v1/tickets/${id}/messages`, { type: 'text', text: 'Hello!' });
    expect((await timersOf(id)).find((t) => t.metric === 'firstResponse')?.state).toBe('achieved');
    // Each agent reply closes the periodic-update cycle and opens the next one.
    expect((await timersOf(id)).filter((t) => t.metric === 'periodicUpdate')).toEqual([
      expect.objectContaining({ state: 'active', dueAt: clock.now() + 120 * MINUTE }),
    ]);
    clock.advance(30 * MINUTE);
    await server.api('POST', `/api/v1/tickets/${id}/messages`, { type: 'text', text: 'Still checking' });
    expect((await timersOf(id)).filter((t) => t.metric === 'periodicUpdate').map((t) => t.state)).toEqual([
      'achieved',
      'active',
    ]);
    await server.api('PATCH', `/api/v1/tickets/${id}`, { status: 'solved' });
    const solved = await timersOf(id);
    expect(solved.find((t) => t.metric === 'resolution')?.state).toBe('achieved');
    expect(solved.filter((t) => t.metric === 'periodicUpdate').map((t) => t.state)).toEqual([
      'achieved',
      'cancelled',
    ]);
  });

  it('never fires the same warning or breach twice when several workers sweep at once', async () => {
    const waIds = Array.from({ length: 24 }, (_, i) => `3361000${String(i).padStart(4, '0')}`);
    await Promise.all(waIds.map((waId) => server.simulator.customer({ waId }).sendText('Hello').delivery));
    clock.advance(50 * MINUTE);
    // A second process: its own connections and its own SLA module over the same database.
    const other: Store =
      dialect === 'postgres'
        ? await openStore({
            kind: 'postgres',
            url: process.env.TEST_DATABASE_URL!,
            poolSize: 4,
            schema: server.store.pgSchema!,
          })
        : server.store;
    const otherSla = createSlaModule({
      db: other.db,
      dialect: other.dialect,
      clock,
      events: createMemoryEventBus(),
      queue: server.runtime.queue,
    });
    const sweepTogether = () =>
      Promise.all([
        server.runtime.sla.sweep(),
        otherSla.sweep(),
        server.runtime.sla.sweep(),
        otherSla.sweep(),
      ]);
    await sweepTogether();
    clock.advance(15 * MINUTE);
    await sweepTogether();
    if (other !== server.store) {
      await other.destroy();
    }
    const ids = await Promise.all(waIds.map(ticketOf));
    const rows = await server.store.db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'kind'])
      .where('ticket_id', 'in', ids)
      .where('kind', 'in', ['sla_warning', 'sla_breached'])
      .execute();
    for (const id of ids) {
      expect(
        rows
          .filter((r) => r.ticket_id === id)
          .map((r) => r.kind)
          .sort(),
      ).toEqual(['sla_breached', 'sla_warning']);
    }
  });
});

describe.each(testDialects)('SLA after a restart (%s)', (dialect) => {
  it('fires the warning that fell due while no worker ran on the first sweep after starting, then the breach, once each', async () => {
    const store = await openTestStore(dialect);
    const clock = createManualClock(FRIDAY_4PM_PARIS);
    const first = await startTestServer(dialect, { clock, store });
    await first.api('POST', '/api/v1/sla/policies', {
      name: 'Calendar hours',
      position: 1,
      targets: { normal: { firstResponse: 60 } },
    });
    await first.simulator.customer({ waId: '33620000001' }).sendText('Hello?').delivery;
    await first.close();

    // Down past the warning point (45 min of 60).
    clock.advance(50 * MINUTE);
    const second = await startTestServer(dialect, { clock, store });
    const kinds = async () =>
      (
        await second.store.db
          .selectFrom('ticket_events')
          .select('kind')
          .where('kind', 'in', ['sla_warning', 'sla_breached'])
          .execute()
      )
        .map((r) => r.kind)
        .sort();
    // The sweep scheduled at start finds the overdue warning.
    await eventually(async () => (await kinds()).length === 1);
    await second.runtime.sla.sweep();
    expect(await kinds()).toEqual(['sla_warning']);
    clock.advance(15 * MINUTE);
    await second.runtime.sla.sweep();
    await second.runtime.sla.sweep();
    expect(await kinds()).toEqual(['sla_breached', 'sla_warning']);
    await second.close();
    await store.cleanup();
  });
});
