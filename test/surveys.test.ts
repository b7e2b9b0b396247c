import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, DAY, HOUR, MINUTE } from '../src/kernel/index.ts';
import type { OutboundMessage } from '../src/simulator/index.ts';
import { testDialects } from './support/databases.ts';
import { eventually, startTestServer, type TestServer } from './support/harness.ts';

interface Page<T> {
  data: T[];
}

interface ListRow {
  id: string;
  title: string;
}

describe.each(testDialects)('CSAT surveys over WhatsApp (%s)', (dialect) => {
  let server: TestServer;
  const clock = createManualClock(Date.now());
  beforeAll(async () => {
    server = await startTestServer(dialect, { clock, env: { SIGHTLINE_CSAT_SURVEYS: 'on' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function ticketOf(waId: string): Promise<{ id: string; status: string; tags: string[] }> {
    const list = await server.api<Page<{ id: string }>>('GET', `/api/v1/tickets?q=${waId}`);
    const id = list.body.data[0]!.id;
    return (await server.api<{ id: string; status: string; tags: string[] }>('GET', `/api/v1/tickets/${id}`))
      .body;
  }

  async function eventKinds(ticketId: string): Promise<string[]> {
    const events = await server.api<{ data: { kind: string }[] }>(
      'GET',
      `/api/v1/tickets/${ticketId}/events`,
    );
    return events.body.data.map((e) => e.kind);
  }

  function surveyLists(inbox: OutboundMessage[]): { message: OutboundMessage; rows: ListRow[] }[] {
    return inbox
      .filter((m) => m.type === 'interactive')
      .map((message) => {
        const interactive = message.request.interactive as { action: { sections: { rows: ListRow[] }[] } };
        return { message, rows: interactive.action.sections.flatMap((s) => s.rows) };
      });
  }

  async function solve(ticketId: string) {
    const solved = await server.api('PATCH', `/api/v1/tickets/${ticketId}`, { status: 'solved' });
    expect(solved.status).toBe(200);
  }

  it('asks the customer on solve, keeps the ticket solved on the answer, and counts the score', async () => {
    const customer = server.simulator.customer({ waId: '33611000001', name: 'Camille' });
    await customer.sendText('Bonjour, ma commande est arrivée cassée, que faire ?').delivery;
    const ticket = await eventually(() => ticketOf('33611000001'));
    const agent = await server.store.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    await server.api('PATCH', `/api/v1/tickets/${ticket.id}`, { assigneeId: agent.id });
    clock.advance(MINUTE);
    await solve(ticket.id);

    const [survey] = await eventually(() => {
      const lists = surveyLists(customer.inbox());
      return lists.length === 1 ? lists : undefined;
    });
    expect(survey!.message.request).toMatchObject({ interactive: { type: 'list' } });
    expect(survey!.rows).toHaveLength(5);
    const best = survey!.rows.find((r) => r.id.endsWith(':5'))!;
    expect(best.id).toMatch(/^csat:[^:]+:5$/);
    expect(best.title).toBe('5 · Très satisfait');
    expect((await ticketOf('33611000001')).status).toBe('solved');

    clock.advance(MINUTE);
    await customer.pickListRow({ replyTo: survey!.message.wamid, id: best.id, title: best.title }).delivery;
    const thanks = await eventually(() => customer.inbox().find((m) => m.type === 'text'));
    expect(thanks.preview).toBe('Merci pour votre avis !');

    const after = await ticketOf('33611000001');
    expect(after.status).toBe('solved');
    expect(after.tags).not.toContain('follow-up');
    const messages = await server.api<{ data: { content: { kind: string; replyId?: string } }[] }>(
      'GET',
      `/api/v1/tickets/${ticket.id}/messages`,
    );
    expect(messages.body.data.map((m) => m.content.replyId)).toContain(best.id);
    const kinds = await eventKinds(ticket.id);
    expect(kinds).toContain('csat_answered');
    expect(kinds).not.toContain('reopened');
    const row = await server.store.db
      .selectFrom('surveys')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'csat', score: 5, agent_id: agent.id });

    const range = `from=${clock.now() - DAY}&to=${clock.now() + HOUR}`;
    const summary = await server.api<{ current: { kpis: { csat: Record<string, unknown> } } }>(
      'GET',
      `/api/v1/analytics/summary?${range}`,
    );
    expect(summary.body.current.kpis.csat).toMatchObject({ sent: 1, answered: 1, satisfied: 1, average: 5 });
  });

  it('flags a low score for follow-up', async () => {
    const customer = server.simulator.customer({ waId: '447700900002', name: 'Oliver' });
    await customer.sendText('My parcel never arrived and nobody answers the phone.').delivery;
    const ticket = await eventually(() => ticketOf('447700900002'));
    clock.advance(MINUTE);
    await solve(ticket.id);
    const [survey] = await eventually(() => {
      const lists = surveyLists(customer.inbox());
      return lists.length === 1 ? lists : undefined;
    });
    const worst = survey!.rows.find((r) => r.id.endsWith(':1'))!;
    expect(worst.title).toBe('1 · Very dissatisfied');
    await customer.pickListRow({ replyTo: survey!.message.wamid, id: worst.id, title: worst.title }).delivery;
    const after = await eventually(async () => {
      const current = await ticketOf('447700900002');
      return current.tags.includes('follow-up') ? current : undefined;
    });
    expect(after.status).toBe('solved');
    expect(await eventKinds(ticket.id)).toEqual(expect.arrayContaining(['csat_answered', 'csat_low']));
  });

  it('sends no survey once the 24-hour window has closed, and records why', async () => {
    const customer = server.simulator.customer({ waId: '447700900003', name: 'Late' });
    await customer.sendText('Hello, is anyone there?').delivery;
    const ticket = await eventually(() => ticketOf('447700900003'));
    clock.advance(25 * HOUR);
    await solve(ticket.id);
    expect(await eventKinds(ticket.id)).toContain('csat_skipped');
    await server.simulator.waitForIdle();
    expect(surveyLists(customer.inbox())).toHaveLength(0);
    const surveys = await server.store.db
      .selectFrom('surveys')
      .select('id')
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(surveys).toHaveLength(0);
  });

  it('asks again after the customer reopens the ticket and it is solved a second time', async () => {
    const customer = server.simulator.customer({ waId: '447700900004', name: 'Twice' });
    await customer.sendText('The invoice is wrong, the amount is too high.').delivery;
    const ticket = await eventually(() => ticketOf('447700900004'));
    clock.advance(MINUTE);
    await solve(ticket.id);
    await eventually(() => surveyLists(customer.inbox()).length === 1);
    clock.advance(MINUTE);
    await customer.sendText('Actually the second invoice is wrong too.').delivery;
    await eventually(async () => (await ticketOf('447700900004')).status === 'open');
    clock.advance(MINUTE);
    await solve(ticket.id);
    const lists = await eventually(() => {
      const found = surveyLists(customer.inbox());
      return found.length === 2 ? found : undefined;
    });
    expect(lists[0]!.rows[0]!.id).not.toBe(lists[1]!.rows[0]!.id);
    const surveys = await server.store.db
      .selectFrom('surveys')
      .select('id')
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(surveys).toHaveLength(2);
  });
});

describe.each(testDialects)('CSAT surveys switched off (%s)', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { env: { SIGHTLINE_CSAT_SURVEYS: 'off' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('solves without asking', async () => {
    const customer = server.simulator.customer({ waId: '447700900005', name: 'Quiet' });
    await customer.sendText('Please cancel my order.').delivery;
    const list = await eventually(async () => {
      const page = await server.api<Page<{ id: string }>>('GET', '/api/v1/tickets?q=447700900005');
      return page.body.data.length > 0 ? page.body.data : undefined;
    });
    const solved = await server.api('PATCH', `/api/v1/tickets/${list[0]!.id}`, { status: 'solved' });
    expect(solved.status).toBe(200);
    const surveys = await server.store.db.selectFrom('surveys').select('id').execute();
    expect(surveys).toHaveLength(0);
    expect(customer.inbox()).toHaveLength(0);
  });
});
