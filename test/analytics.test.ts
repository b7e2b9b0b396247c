import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiSummary, Volume } from '../src/analytics/index.ts';
import { createManualClock, DAY, HOUR, MINUTE } from '../src/kernel/index.ts';
import { analyticsFixtures } from './support/analytics-fixtures.ts';
import { testDialects } from './support/databases.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

/** Monday 2 March 2026, 09:00 UTC. */
const T0 = Date.UTC(2026, 2, 2, 9);
const S = 1_000;
const RANGE = `from=${T0 - HOUR}&to=${T0 + 7 * DAY}`;

interface Period {
  range: { from: number; to: number };
  kpis: KpiSummary;
  volume: Volume;
}

/**
 * A hand-computed week (docs/analytics.md has the definitions):
 *   t0  A  five days earlier (previous period), human reply after 60 s; A came back within 7 days.
 *   t1  A  team1/u1: bot after 10 s, agent after 70 s (takeover), two next-response waits (2 min, 10 min;
 *          an internal note in between is ignored), solved after 30 min, closed after 4 days; A's t5 follows.
 *   t2  B  team1/u1: agent after 5 min, solved, reopened (wait 30 min), solved again 1 day after opening.
 *   t3  C  bot only: bot after 5 s, bot-resolved after 1 min, no human reply.
 *   t4  D  team2/u2: still open, nobody answered.
 *   t5  A  team1/u2: agent after 2 min, solved after 1 h, no further contact.
 */
describe.each(testDialects)('analytics (%s)', (dialect) => {
  let server: TestServer;
  const clock = createManualClock(T0 + 8 * DAY);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect, { clock });
    const f = analyticsFixtures(server.store.db);
    const channelId = await f.channel();
    const [a, b, c, d] = [
      await f.contact('smb'),
      await f.contact('enterprise'),
      await f.contact(),
      await f.contact(),
    ];
    const [team1, team2] = [await f.team('One'), await f.team('Two')];
    const [u1, u2] = [await f.user('Ada'), await f.user('Bo')];
    Object.assign(ids, { team1, team2, u1, u2 });
    const ticket = async (
      contactId: string,
      fields: Omit<Parameters<typeof f.ticket>[0], 'channelId' | 'contactId'>,
    ) => {
      const id = await f.ticket({ channelId, contactId, ...fields });
      return { id, channelId, contactId };
    };

    const t0 = await ticket(a, {
      createdAt: T0 - 5 * DAY,
      status: 'closed',
      firstResponseAt: T0 - 5 * DAY + 60 * S,
      solvedAt: T0 - 5 * DAY + HOUR,
      closedAt: T0 - DAY,
    });
    await f.message(t0, 'customer', T0 - 5 * DAY);
    await f.message(t0, 'agent', T0 - 5 * DAY + 60 * S);

    const t1 = await ticket(a, {
      createdAt: T0,
      status: 'closed',
      teamId: team1,
      assigneeId: u1,
      category: 'billing',
      language: 'en',
      firstResponseAt: T0 + 70 * S,
      solvedAt: T0 + 30 * MINUTE,
      closedAt: T0 + 4 * DAY,
    });
    await f.message(t1, 'customer', T0);
    await f.message(t1, 'bot', T0 + 10 * S);
    await f.message(t1, 'agent', T0 + 70 * S);
    await f.message(t1, 'customer', T0 + 5 * MINUTE, 'image');
    await f.message(t1, 'agent', T0 + 7 * MINUTE, 'document');
    await f.message(t1, 'customer', T0 + 10 * MINUTE);
    await f.message(t1, 'customer', T0 + 11 * MINUTE);
    await f.message(t1, 'note', T0 + 15 * MINUTE);
    await f.message(t1, 'agent', T0 + 20 * MINUTE);

    const t2 = await ticket(b, {
      createdAt: T0 + HOUR,
      status: 'solved',
      teamId: team1,
      assigneeId: u1,
      tier: 'L2',
      category: 'delivery',
      language: 'fr',
      firstResponseAt: T0 + HOUR + 5 * MINUTE,
      solvedAt: T0 + DAY + HOUR,
      reopenCount: 1,
    });
    await f.message(t2, 'customer', T0 + HOUR);
    await f.message(t2, 'agent', T0 + HOUR + 5 * MINUTE);
    await f.message(t2, 'customer', T0 + DAY);
    await f.message(t2, 'agent', T0 + DAY + 30 * MINUTE);

    const t3 = await ticket(c, {
      createdAt: T0 + 2 * HOUR,
      status: 'solved',
      language: 'es',
      solvedAt: T0 + 2 * HOUR + MINUTE,
      botResolved: true,
    });
    await f.message(t3, 'customer', T0 + 2 * HOUR);
    await f.message(t3, 'bot', T0 + 2 * HOUR + 5 * S);

    const t4 = await ticket(d, {
      createdAt: T0 + DAY,
      status: 'open',
      teamId: team2,
      assigneeId: u2,
      language: 'en',
    });
    await f.message(t4, 'customer', T0 + DAY);

    const t5 = await ticket(a, {
      createdAt: T0 + 3 * DAY,
      status: 'solved',
      teamId: team1,
      assigneeId: u2,
      category: 'billing',
      language: 'en',
      firstResponseAt: T0 + 3 * DAY + 2 * MINUTE,
      solvedAt: T0 + 3 * DAY + HOUR,
    });
    await f.message(t5, 'customer', T0 + 3 * DAY);
    await f.message(t5, 'agent', T0 + 3 * DAY + 2 * MINUTE);

    await f.survey({
      kind: 'csat',
      contactId: a,
      ticketId: t1.id,
      agentId: u1,
      teamId: team1,
      sentAt: T0 + 31 * MINUTE,
      score: 5,
    });
    await f.survey({
      kind: 'csat',
      contactId: b,
      ticketId: t2.id,
      agentId: u1,
      teamId: team1,
      sentAt: T0 + DAY + 2 * HOUR,
      score: 2,
    });
    await f.survey({
      kind: 'csat',
      contactId: a,
      ticketId: t5.id,
      agentId: u2,
      teamId: team1,
      sentAt: T0 + 3 * DAY + 2 * HOUR,
      score: null,
    });
    await f.survey({
      kind: 'csat',
      contactId: c,
      ticketId: t3.id,
      sentAt: T0 + 2 * HOUR + 2 * MINUTE,
      score: 4,
    });
    for (const [i, [contact, score]] of (
      [
        [a, 10],
        [b, 6],
        [c, 8],
        [d, 9],
        [a, null],
      ] as const
    ).entries()) {
      await f.survey({ kind: 'nps', contactId: contact, sentAt: T0 + 2 * DAY + i * MINUTE, score });
    }

    await f.presence(u1, 'online', T0 - 2 * HOUR);
    await f.presence(u1, 'away', T0 + 2 * HOUR);
    await f.presence(u1, 'offline', T0 + 3 * HOUR);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('computes every KPI of the period exactly', async () => {
    const { body } = await server.api<{ current: Period; previous: Period }>(
      'GET',
      `/api/v1/analytics/summary?${RANGE}`,
    );
    const k = body.current.kpis;
    expect(k.tickets).toEqual({ opened: 5, solved: 4, closed: 1, reopened: 1 });
    expect(k.firstResponse).toEqual({ count: 3, mean: (490 * S) / 3, median: 120 * S, p90: 300 * S });
    expect(k.botFirstResponse).toEqual({ count: 2, mean: 7.5 * S, median: 7.5 * S, p90: 10 * S });
    expect(k.resolution).toEqual({ count: 4, mean: 382.75 * MINUTE, median: 45 * MINUTE, p90: DAY });
    expect(k.closeTime).toEqual({ count: 1, mean: 4 * DAY, median: 4 * DAY, p90: 4 * DAY });
    expect(k.nextResponse).toEqual({ count: 3, mean: 14 * MINUTE, median: 10 * MINUTE, p90: 30 * MINUTE });
    expect(k.fcr).toEqual({ resolved: 4, firstContact: 2, rate: 0.5 });
    expect(k.repeatContact).toEqual({ repeats: 2, rate: 0.4 });
    expect(k.automation).toEqual({
      botResolved: 1,
      automationRate: 0.2,
      botEngaged: 2,
      humanTakeovers: 1,
      takeoverRate: 0.5,
    });
    expect(k.csat).toEqual({
      sent: 4,
      answered: 3,
      responseRate: 0.75,
      satisfied: 2,
      satisfiedShare: 2 / 3,
      average: 11 / 3,
    });
    expect(k.nps).toEqual({
      sent: 5,
      answered: 4,
      responseRate: 0.8,
      promoters: 2,
      passives: 1,
      detractors: 1,
      score: 25,
    });
    expect(body.current.volume).toEqual({
      inboundMessages: 9,
      outboundMessages: { agent: 6, bot: 2, system: 0 },
      media: { image: { inbound: 1, outbound: 0 }, document: { inbound: 0, outbound: 1 } },
    });
  });

  it('compares with the previous period of the same length', async () => {
    const { body } = await server.api<{ previous: Period }>('GET', `/api/v1/analytics/summary?${RANGE}`);
    expect(body.previous.range).toEqual({ from: T0 - 2 * HOUR - 7 * DAY, to: T0 - HOUR });
    expect(body.previous.kpis.tickets.opened).toBe(1);
    expect(body.previous.kpis.firstResponse.median).toBe(60 * S);
    // t1 came within 7 days of t0's resolution.
    expect(body.previous.kpis.fcr).toEqual({ resolved: 1, firstContact: 0, rate: 0 });
    expect(body.previous.volume.inboundMessages).toBe(1);
  });

  it('breaks the KPIs down by team and by day', async () => {
    const byTeam = await server.api<{ rows: { key: string | null; kpis: KpiSummary }[] }>(
      'GET',
      `/api/v1/analytics/breakdown?${RANGE}&by=team`,
    );
    const team1 = byTeam.body.rows.find((r) => r.key === ids.team1)!;
    expect(team1.kpis.tickets.opened).toBe(3);
    expect(team1.kpis.firstResponse.median).toBe(120 * S);
    expect(team1.kpis.csat).toMatchObject({ sent: 3, answered: 2, average: 3.5 });
    expect(byTeam.body.rows.at(-1)).toMatchObject({ key: null, kpis: { tickets: { opened: 1 } } });
    const byDay = await server.api<{ rows: { key: string; kpis: KpiSummary }[] }>(
      'GET',
      `/api/v1/analytics/breakdown?${RANGE}&by=day`,
    );
    expect(byDay.body.rows.map((r) => [r.key, r.kpis.tickets.opened, r.kpis.nps.answered])).toEqual([
      ['2026-03-02', 3, 0],
      ['2026-03-03', 1, 0],
      ['2026-03-04', 0, 4],
      ['2026-03-05', 1, 0],
    ]);
    const byWeek = await server.api<{ rows: { key: string }[] }>(
      'GET',
      `/api/v1/analytics/breakdown?${RANGE}&by=week`,
    );
    expect(byWeek.body.rows.map((r) => r.key)).toEqual(['2026-03-02']);
  });

  it('maps arrivals to hours of the week, in the asked time zone', async () => {
    const { body } = await server.api<{ ticketsOpened: number[][] }>(
      'GET',
      `/api/v1/analytics/heatmap?${RANGE}&utcOffsetMinutes=60`,
    );
    const cells = body.ticketsOpened.flatMap((hours, day) =>
      hours.flatMap((n, hour) => (n ? [[day, hour, n]] : [])),
    );
    expect(cells).toEqual([
      [0, 10, 1],
      [0, 11, 1],
      [0, 12, 1],
      [1, 10, 1],
      [3, 10, 1],
    ]);
  });

  it('measures online time, occupancy and utilisation per agent', async () => {
    const { body } = await server.api<{ agents: { agentId: string; [k: string]: unknown }[] }>(
      'GET',
      `/api/v1/analytics/agents?from=${T0 - HOUR}&to=${T0 + 4 * HOUR}`,
    );
    expect(body.agents.find((a) => a.agentId === ids.u1)).toMatchObject({
      onlineMs: 3 * HOUR,
      awayMs: HOUR,
      busyMs: 1.5 * HOUR,
      occupancy: 0.5,
      averageLoad: 0.5,
      utilisation: 0.5 / 3,
      openTickets: 0,
    });
    expect(body.agents.find((a) => a.agentId === ids.u2)).toMatchObject({
      onlineMs: 0,
      occupancy: null,
      openTickets: 1,
    });
  });

  it('exports every report as CSV', async () => {
    const summary = await server.api<string>('GET', `/api/v1/analytics/summary?${RANGE}&format=csv`);
    const [header, current] = summary.body.split('\r\n');
    const columns = header!.split(',');
    expect(columns.slice(0, 3)).toEqual(['period', 'range.from', 'range.to']);
    expect(current!.split(',')[columns.indexOf('kpis.fcr.rate')]).toBe('0.5');
    const heatmap = await server.api<string>('GET', `/api/v1/analytics/heatmap?${RANGE}&format=csv`);
    expect(heatmap.body.split('\r\n')[1]).toMatch(/^mon,0,0,0,0,0,0,0,0,0,1,1,1,0/);
    for (const report of ['breakdown?by=agent&', 'agents?']) {
      const response = await fetch(`${server.url}/api/v1/analytics/${report}${RANGE}&format=csv`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect((await response.text()).split('\r\n').length).toBeGreaterThan(2);
    }
  });

  it('shows an agent their own figures only, and refuses bad ranges', async () => {
    const agent = await server.runtime.auth.createUser({
      email: `ada-${dialect}@example.test`,
      name: 'Ada',
      role: 'agent',
      password: 'correct horse battery',
    });
    await server.store.db
      .updateTable('tickets')
      .set({ assignee_id: agent.id })
      .where('assignee_id', '=', ids.u1!)
      .execute();
    const { token } = await server.runtime.auth.createApiToken({
      name: 'ada',
      role: 'agent',
      userId: agent.id,
    });
    const mine = await server.api<{ current: Period }>(
      'GET',
      `/api/v1/analytics/summary?${RANGE}`,
      undefined,
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(mine.body.current.kpis.tickets.opened).toBe(2);
    const agents = await server.api<{ agents: unknown[] }>(
      'GET',
      `/api/v1/analytics/agents?${RANGE}`,
      undefined,
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(agents.body.agents).toHaveLength(1);
    const tooLong = await server.api<{ error: { reason: string; message: string } }>(
      'GET',
      `/api/v1/analytics/summary?from=0&to=${500 * DAY}`,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({ reason: 'analytics.range_too_long' });
    await server.store.db
      .updateTable('tickets')
      .set({ assignee_id: ids.u1! })
      .where('assignee_id', '=', agent.id)
      .execute();
  });
});
