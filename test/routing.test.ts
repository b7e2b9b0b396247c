import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/kernel/index.ts';
import { assignWaiting } from '../src/routing/assignment/assign-waiting.ts';
import { testDialects } from './support/databases.ts';
import { eventually, startTestServer, type TestServer } from './support/harness.ts';

interface ApiError {
  error: { kind: string; reason: string; message: string };
}
describe.each(testDialects)('routing (%s)', (dialect) => {
  let server: TestServer;
  let financeId: string;
  let phone = 0;
  const agents: { id: string; token: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    financeId = (
      await server.store.db
        .selectFrom('teams')
        .select('id')
        .where('name', '=', 'Finance')
        .executeTakeFirstOrThrow()
    ).id;
    const ack = await server.api('PUT', '/api/v1/routing/rules/01ROUTINGRULEACKNOWLEDGE00', {
      name: 'Acknowledge new conversations',
      conditions: [{ kind: 'first_message', is: true }],
      actions: [{ kind: 'acknowledge' }],
    });
    expect(ack.status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });

  const customer = (name: string) => {
    phone += 1;
    return server.simulator.customer({ waId: `4479${String(phone).padStart(7, '0')}`, name });
  };

  async function ticketOf(waId: string) {
    return eventually(async () => {
      const row = await server.store.db
        .selectFrom('tickets')
        .innerJoin('contacts', 'contacts.id', 'tickets.contact_id')
        .select([
          'tickets.id',
          'tickets.team_id',
          'tickets.assignee_id',
          'tickets.priority',
          'tickets.tier',
          'tickets.sentiment',
          'tickets.status',
        ])
        .where('contacts.wa_id', '=', waId)
        .orderBy('tickets.created_at', 'desc')
        .executeTakeFirst();
      return row;
    });
  }

  async function createAgent(name: string, languages: string[], maxTickets: number) {
    const user = await server.runtime.auth.createUser({
      email: `${name.toLowerCase()}-${Date.now()}@example.test`,
      name,
      role: 'agent',
      password: 'correct horse battery',
    });
    const { token } = await server.runtime.auth.tokens.create({ name, role: 'agent', userId: user.id });
    const profile = await server.api('PUT', `/api/v1/routing/agents/${user.id}`, {
      languages,
      skills: [],
      maxTickets,
    });
    expect(profile.status).toBe(200);
    const agent = { id: user.id, token };
    agents.push(agent);
    return agent;
  }

  const setPresence = (agent: { token: string }, presence: string) =>
    server.api<{ data: { requeued: string[] } }>(
      'PUT',
      '/api/v1/me/presence',
      { presence },
      { authorization: `Bearer ${agent.token}` },
    );

  it.each([
    ['en', 'Hello, I have a question about my billing this month please', 'Thanks for your message'],
    ['fr', 'Bonjour, je ne comprends pas ma facture de ce mois-ci', 'Merci pour votre message'],
    ['es', 'Hola, tengo un problema con el pago de mi pedido', 'Gracias por su mensaje'],
    ['it', 'Buongiorno, ho un problema con il pagamento del mio ordine', 'Grazie per il suo messaggio'],
    ['ar', 'مرحبا، عندي مشكلة في الدفع لطلبي', 'شكرًا على رسالتك'],
  ])(
    'sends a %s billing message to Finance and acknowledges it in that language',
    async (_language, text, ack) => {
      const person = customer('Billing');
      await person.sendText(text).delivery;
      const ticket = await eventually(async () => {
        const t = await ticketOf(person.waId!);
        return t?.team_id === financeId ? t : undefined;
      });
      expect(ticket.team_id).toBe(financeId);
      const sent = await eventually(() =>
        server.simulator.outbound().find((m) => m.customerKey === person.key),
      );
      expect(sent.preview).toContain(ack);
      const events = await server.api<{ data: { kind: string; data: { rules?: string[] } }[] }>(
        'GET',
        `/api/v1/tickets/${ticket.id}/events`,
      );
      expect(events.body.data.find((e) => e.kind === 'routed')?.data.rules).toEqual([
        'Billing and payments to Finance',
        'Acknowledge new conversations',
      ]);
    },
  );

  it('scores sentiment and sends an angry VIP to the front of the queue', async () => {
    const person = customer('Angry VIP');
    await person.sendText('first').delivery;
    const first = await ticketOf(person.waId!);
    await server.store.db.updateTable('contacts').set({ vip: 1 }).where('wa_id', '=', person.waId!).execute();
    await person.sendText('This is unacceptable, the worst service ever. I am furious!').delivery;
    const ticket = await eventually(async () => {
      const t = await ticketOf(person.waId!);
      return t?.priority === 'urgent' ? t : undefined;
    });
    expect(ticket.id).toBe(first!.id);
    expect(ticket.sentiment).toBeLessThan(-0.5);
  });

  it('explains a dry run condition by condition', async () => {
    const run = await server.api<{
      data: {
        trace: {
          name: string;
          fired: boolean;
          conditions: { kind: string; matched: boolean; detail: string }[];
        }[];
        ticket: { teamId: string };
      };
    }>('POST', '/api/v1/routing/dry-run', { text: 'Quiero pagar la factura', vip: true });
    expect(run.status).toBe(200);
    const billing = run.body.data.trace.find((t) => t.name === 'Billing and payments to Finance')!;
    expect(billing.fired).toBe(true);
    expect(billing.conditions).toEqual([{ kind: 'keywords', matched: true, detail: 'found “factura*”' }]);
    const vip = run.body.data.trace.find((t) => t.name === 'Angry VIP jumps the queue')!;
    expect(vip.fired).toBe(false);
    expect(vip.conditions.map((c) => c.matched)).toEqual([true, false]);
    expect(run.body.data.ticket.teamId).toBe(financeId);
  });

  it('refuses an unparsable rule, a catastrophic regex and a loop between rules, naming the problem', async () => {
    const noAction = await server.api<ApiError>('POST', '/api/v1/routing/rules', {
      name: 'Nothing',
      conditions: [],
      actions: [],
    });
    expect(noAction.status).toBe(400);
    expect(noAction.body.error.message).toBe('actions: a rule needs at least one action');
    const badKind = await server.api<ApiError>('POST', '/api/v1/routing/rules', {
      name: 'X',
      conditions: [{ kind: 'mood' }],
      actions: [{ kind: 'stop' }],
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.message).toMatch(/^conditions\.0\.kind: /);
    const evil = await server.api<ApiError>('POST', '/api/v1/routing/rules', {
      name: 'Evil',
      conditions: [
        { kind: 'language', in: ['en'] },
        { kind: 'regex', pattern: '^(a+)+$' },
      ],
      actions: [{ kind: 'add_tags', tags: ['x'] }],
    });
    expect(evil.status).toBe(400);
    expect(evil.body.error).toMatchObject({ reason: 'routing.regex_unsafe' });
    expect(evil.body.error.message).toMatch(/^conditions\.1\.pattern: /);
    const broken = await server.api<ApiError>('POST', '/api/v1/routing/rules', {
      name: 'Broken',
      conditions: [{ kind: 'regex', pattern: '([a-z' }],
      actions: [{ kind: 'add_tags', tags: ['x'] }],
    });
    expect(broken.body.error.reason).toBe('routing.regex_invalid');
    const team = await server.api<{ data: { id: string } }>('POST', '/api/v1/routing/teams', {
      name: 'Collections',
    });
    const first = await server.api<{ data: { id: string } }>('POST', '/api/v1/routing/rules', {
      name: 'Finance to Collections',
      conditions: [{ kind: 'team', in: [financeId] }],
      actions: [{ kind: 'set_team', teamId: team.body.data.id }],
    });
    expect(first.status).toBe(201);
    const loop = await server.api<ApiError>('POST', '/api/v1/routing/rules', {
      name: 'Collections to Finance',
      conditions: [{ kind: 'team', in: [team.body.data.id] }],
      actions: [{ kind: 'set_team', teamId: financeId }],
    });
    expect(loop.status).toBe(422);
    expect(loop.body.error.reason).toBe('routing.rule_loop');
    expect(loop.body.error.message).toContain(
      'Finance to Collections → Collections to Finance → Finance to Collections',
    );
    // Versions: the change and the deletion are both kept.
    const renamed = await server.api<{ data: { version: number } }>(
      'PUT',
      `/api/v1/routing/rules/${first.body.data.id}`,
      {
        name: 'Finance to Collections (off)',
        enabled: false,
        conditions: [{ kind: 'team', in: [financeId] }],
        actions: [{ kind: 'set_team', teamId: team.body.data.id }],
      },
    );
    expect(renamed.body.data.version).toBe(2);
    expect((await server.api('DELETE', `/api/v1/routing/rules/${first.body.data.id}`)).status).toBe(204);
    const versions = await server.api<{ data: { version: number; change: string }[] }>(
      'GET',
      `/api/v1/routing/rules/${first.body.data.id}/versions`,
    );
    expect(versions.body.data.map((v) => [v.version, v.change])).toEqual([
      [3, 'deleted'],
      [2, 'updated'],
      [1, 'created'],
    ]);
  });

  it('assigns least-loaded within caps under concurrent arrivals, and as soon as capacity frees', async () => {
    const a = await createAgent('Ana', [], 2);
    const b = await createAgent('Bruno', [], 2);
    const team = await server.api<{ data: { id: string } }>('POST', '/api/v1/routing/teams', {
      name: 'Support',
      memberIds: [a.id, b.id],
    });
    const rule = await server.api('POST', '/api/v1/routing/rules', {
      name: 'Orders to Support',
      conditions: [{ kind: 'keywords', words: ['order*'] }],
      actions: [{ kind: 'set_team', teamId: team.body.data.id }],
    });
    expect(rule.status).toBe(201);
    await setPresence(a, 'online');
    await setPresence(b, 'online');
    const people = Array.from({ length: 7 }, (_, i) => customer(`Order ${i}`));
    await Promise.all(people.map((p, i) => p.sendText(`Where is my order number ${i}?`).delivery));
    const tickets = await eventually(async () => {
      const rows = await Promise.all(people.map((p) => ticketOf(p.waId!)));
      return rows.every((r) => r?.team_id === team.body.data.id) && (await server.runtime.queue.depth()) === 0
        ? rows
        : undefined;
    }, 15_000);
    const loads = new Map<string, number>();
    for (const t of tickets) {
      if (t?.assignee_id) {
        loads.set(t.assignee_id, (loads.get(t.assignee_id) ?? 0) + 1);
      }
    }
    expect(Object.fromEntries(loads)).toEqual({ [a.id]: 2, [b.id]: 2 });
    // Raising a cap assigns one more at once; solving a ticket frees a place.
    await server.api('PUT', `/api/v1/routing/agents/${a.id}`, { languages: [], skills: [], maxTickets: 3 });
    await eventually(async () => (await countAssigned(team.body.data.id)) === 5);
    const solved = tickets.find((t) => t?.assignee_id === b.id)!;
    await server.api('PATCH', `/api/v1/tickets/${solved.id}`, { status: 'solved' });
    await eventually(
      async () =>
        (await countAssigned(team.body.data.id)) === 5 && (await waitingIn(team.body.data.id)) === 1,
    );
  });

  async function countAssigned(teamId: string) {
    const rows = await server.store.db
      .selectFrom('tickets')
      .select('id')
      .where('team_id', '=', teamId)
      .where('assignee_id', 'is not', null)
      .where('status', 'in', ['new', 'open', 'pending'])
      .execute();
    return rows.length;
  }
  async function waitingIn(teamId: string) {
    const rows = await server.store.db
      .selectFrom('tickets')
      .select('id')
      .where('team_id', '=', teamId)
      .where('assignee_id', 'is', null)
      .where('status', 'in', ['new', 'open', 'pending'])
      .execute();
    return rows.length;
  }

  it('never gives a ticket to two agents nor an agent more than their cap when assignment runs in parallel', async () => {
    const burst = await Promise.all(['Xena', 'Yuri', 'Zoe'].map((name) => createAgent(name, [], 1)));
    const team = await server.api<{ data: { id: string } }>('POST', '/api/v1/routing/teams', {
      name: 'Burst',
      memberIds: burst.map((a) => a.id),
    });
    await server.api('POST', '/api/v1/routing/rules', {
      name: 'Burst',
      conditions: [{ kind: 'keywords', words: ['burst'] }],
      actions: [{ kind: 'set_team', teamId: team.body.data.id }],
    });
    const people = Array.from({ length: 6 }, (_, i) => customer(`Burst ${i}`));
    await Promise.all(people.map((p) => p.sendText('burst of trouble').delivery));
    await eventually(
      async () => (await waitingIn(team.body.data.id)) === 6 && (await server.runtime.queue.depth()) === 0,
      15_000,
    );
    // Everyone comes online at once, behind assignment's back; then eight passes race for the tickets.
    await server.store.db
      .updateTable('users')
      .set({ presence: 'online' })
      .where(
        'id',
        'in',
        burst.map((a) => a.id),
      )
      .execute();
    const { runtime } = server;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        assignWaiting({
          db: runtime.store.db,
          dialect: runtime.store.dialect,
          clock: systemClock,
          events: runtime.events,
        }),
      ),
    );
    // A background pass (a ticket event) may win some of them; what matters is that no ticket is taken twice.
    expect(new Set(results.flat()).size).toBe(results.flat().length);
    const rows = await server.store.db
      .selectFrom('tickets')
      .select(['id', 'assignee_id'])
      .where('team_id', '=', team.body.data.id)
      .where('assignee_id', 'is not', null)
      .execute();
    expect(rows.map((r) => r.assignee_id).sort()).toEqual(burst.map((a) => a.id).sort());
    const events = await server.store.db
      .selectFrom('ticket_events')
      .select('ticket_id')
      .where('kind', '=', 'assigned')
      .where(
        'ticket_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(events).toHaveLength(3);
  });

  it('gives a returning customer back to their previous agent (sticky), over the turn order', async () => {
    const pair = await Promise.all(['Sam', 'Tess'].map((name) => createAgent(name, [], 5)));
    const team = await server.api<{ data: { id: string } }>('POST', '/api/v1/routing/teams', {
      name: 'Sticky',
      strategy: 'round_robin',
      memberIds: pair.map((a) => a.id),
    });
    await server.api('POST', '/api/v1/routing/rules', {
      name: 'Sticky',
      conditions: [{ kind: 'keywords', words: ['sticky'] }],
      actions: [{ kind: 'set_team', teamId: team.body.data.id }],
    });
    await Promise.all(pair.map((a) => setPresence(a, 'online')));
    const person = customer('Returning');
    await person.sendText('sticky question').delivery;
    const first = await eventually(async () => {
      const t = await ticketOf(person.waId!);
      return t?.assignee_id ? t : undefined;
    });
    expect((await server.api('PATCH', `/api/v1/tickets/${first.id}`, { status: 'closed' })).status).toBe(200);
    await person.sendText('sticky again').delivery;
    const second = await eventually(async () => {
      const t = await ticketOf(person.waId!);
      return t && t.id !== first.id && t.assignee_id ? t : undefined;
    });
    // Round robin would pick the other agent next; the customer gets the one who helped them before.
    expect(second.assignee_id).toBe(first.assignee_id);
    const events = await server.api<{ data: { kind: string; data: { strategy?: string } }[] }>(
      'GET',
      `/api/v1/tickets/${second.id}/events`,
    );
    expect(events.body.data.find((e) => e.kind === 'assigned')?.data.strategy).toBe('sticky');
  });

  it('gives an Arabic conversation to the Arabic-speaking agent', async () => {
    const english = await createAgent('Emma', ['en'], 5);
    const arabic = await createAgent('Karim', ['ar', 'fr'], 5);
    await server.api('PUT', `/api/v1/routing/teams/${financeId}`, {
      name: 'Finance',
      memberIds: [english.id, arabic.id],
    });
    await setPresence(english, 'online');
    await setPresence(arabic, 'online');
    const person = customer('Arabic billing');
    await person.sendText('السلام عليكم، لدي سؤال عن الفاتورة والدفع').delivery;
    const ticket = await eventually(async () => {
      const t = await ticketOf(person.waId!);
      return t?.assignee_id ? t : undefined;
    });
    expect(ticket.assignee_id).toBe(arabic.id);
  });

  it('escalates L1 → L2 with a reason onto the escalation team, on the timeline', async () => {
    const l2 = await server.api<{ data: { id: string } }>('POST', '/api/v1/routing/teams', {
      name: 'Level 2',
    });
    await server.api('PUT', '/api/v1/routing/escalation-paths', { L2: l2.body.data.id, L3: null });
    const person = customer('Escalate me');
    await person.sendText('My device keeps restarting').delivery;
    const ticket = await ticketOf(person.waId!);
    const missing = await server.api<ApiError>('POST', `/api/v1/tickets/${ticket!.id}/escalate`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^reason: /);
    const escalated = await server.api<{ data: { from: string; to: string; teamId: string } }>(
      'POST',
      `/api/v1/tickets/${ticket!.id}/escalate`,
      { reason: 'Needs a firmware engineer' },
    );
    expect(escalated.body.data).toEqual({ from: 'L1', to: 'L2', teamId: l2.body.data.id });
    const events = await server.api<{ data: { kind: string; data: Record<string, unknown> }[] }>(
      'GET',
      `/api/v1/tickets/${ticket!.id}/events`,
    );
    expect(events.body.data.find((e) => e.kind === 'escalated')?.data).toMatchObject({
      from: 'L1',
      to: 'L2',
      reason: 'Needs a firmware engineer',
      teamTo: l2.body.data.id,
    });
    expect((await ticketOf(person.waId!))?.tier).toBe('L2');
  });

  it('escalates and notifies by rule, and notes when a rule cannot escalate further', async () => {
    const rule = await server.api<{ data: { id: string } }>('POST', '/api/v1/routing/rules', {
      name: 'Legal threat',
      conditions: [{ kind: 'keywords', words: ['lawyer', 'avocat', 'abogado', 'avvocato', 'محامي'] }],
      actions: [
        { kind: 'escalate', reason: 'Legal threat' },
        { kind: 'notify', text: 'Legal threat: loop in a supervisor.' },
      ],
    });
    expect(rule.status).toBe(201);
    const person = customer('Legal');
    await person.sendText('Je vais appeler mon avocat').delivery;
    const ticket = await eventually(async () => {
      const t = await ticketOf(person.waId!);
      return t?.tier === 'L2' ? t : undefined;
    });
    const notes = () =>
      server.store.db
        .selectFrom('messages')
        .select('body')
        .where('ticket_id', '=', ticket.id)
        .where('direction', '=', 'internal')
        .execute();
    await eventually(async () => (await notes()).length === 1);
    await server.store.db.updateTable('tickets').set({ tier: 'L3' }).where('id', '=', ticket.id).execute();
    await person.sendText('Mon avocat attend').delivery;
    await eventually(async () => (await notes()).length === 3);
    expect((await notes()).map((n) => n.body)).toContain(
      'Escalation skipped: This ticket is already at L3, the top tier.',
    );
    await server.api('DELETE', `/api/v1/routing/rules/${rule.body.data.id}`);
  });

  it('handles an agent going offline: tickets return to the queue in requeue teams, stay in keep teams', async () => {
    const keeper = await createAgent('Keeper', [], 5);
    const leaver = await createAgent('Leaver', [], 5);
    const keep = await server.api<{ data: { id: string } }>('POST', '/api/v1/routing/teams', {
      name: 'Keep team',
      offlinePolicy: 'keep',
      memberIds: [keeper.id],
    });
    const requeue = await server.api<{ data: { id: string } }>('POST', '/api/v1/routing/teams', {
      name: 'Requeue team',
      offlinePolicy: 'requeue',
      memberIds: [leaver.id],
    });
    await server.api('POST', '/api/v1/routing/rules', {
      name: 'Warranty',
      conditions: [{ kind: 'keywords', words: ['warranty'] }],
      actions: [{ kind: 'set_team', teamId: keep.body.data.id }],
    });
    await server.api('POST', '/api/v1/routing/rules', {
      name: 'Refunds',
      conditions: [{ kind: 'keywords', words: ['refund'] }],
      actions: [{ kind: 'set_team', teamId: requeue.body.data.id }],
    });
    await setPresence(keeper, 'online');
    await setPresence(leaver, 'online');
    const w = customer('Warranty');
    const r = customer('Refund');
    await w.sendText('Is my warranty still valid?').delivery;
    await r.sendText('I would like a refund').delivery;
    await eventually(
      async () =>
        (await ticketOf(w.waId!))?.assignee_id === keeper.id &&
        (await ticketOf(r.waId!))?.assignee_id === leaver.id,
    );
    expect((await setPresence(keeper, 'offline')).body.data.requeued).toEqual([]);
    const left = await setPresence(leaver, 'offline');
    expect(left.body.data.requeued).toEqual([(await ticketOf(r.waId!))!.id]);
    expect((await ticketOf(r.waId!))?.assignee_id).toBeNull();
    expect((await ticketOf(w.waId!))?.assignee_id).toBe(keeper.id);
    const log = await server.store.db
      .selectFrom('presence_log')
      .select('presence')
      .where('user_id', '=', leaver.id)
      .orderBy('at')
      .execute();
    expect(log.map((l) => l.presence)).toEqual(['online', 'offline']);
    await setPresence(leaver, 'online');
    await eventually(async () => (await ticketOf(r.waId!))?.assignee_id === leaver.id);
  });

  it('runs an FAQ flow with buttons to a bot-resolved answer, and hands over when asked', async () => {
    const loop = await server.api<ApiError>('POST', '/api/v1/routing/flows', {
      name: 'Loop',
      start: 'a',
      nodes: { a: { kind: 'answer', text: 'A', next: 'b' }, b: { kind: 'answer', text: 'B', next: 'a' } },
    });
    expect(loop.status).toBe(422);
    expect(loop.body.error).toMatchObject({ reason: 'routing.flow_loop' });
    const dangling = await server.api<ApiError>('POST', '/api/v1/routing/flows', {
      name: 'Dangling',
      start: 'menu',
      nodes: { menu: { kind: 'menu', text: '?', options: [{ id: 'x', title: 'X', next: 'nope' }] } },
    });
    expect(dangling.status).toBe(400);
    expect(dangling.body.error.message).toBe('nodes.menu.options.0.next: no node nope');
    const flow = await server.api<{ data: { id: string } }>('POST', '/api/v1/routing/flows', {
      name: 'FAQ',
      start: 'menu',
      nodes: {
        menu: {
          kind: 'menu',
          text: 'How can we help?',
          options: [
            { id: 'hours', title: 'Opening hours', next: 'hours' },
            { id: 'returns', title: 'Returns', next: 'returns' },
          ],
        },
        hours: { kind: 'answer', text: 'We are open 9:00–18:00, Monday to Friday.' },
        returns: { kind: 'answer', text: 'You can return any item within 30 days.', next: 'menu' },
      },
    });
    expect(flow.status).toBe(201);
    const rule = await server.api('POST', '/api/v1/routing/rules', {
      name: 'FAQ bot',
      position: 0,
      conditions: [{ kind: 'keywords', words: ['faq'] }],
      actions: [{ kind: 'start_flow', flowId: flow.body.data.id }, { kind: 'stop' }],
    });
    expect(rule.status).toBe(201);

    const menuFor = (key: string, nth: number) =>
      eventually(
        () =>
          server.simulator.outbound().filter((m) => m.customerKey === key && m.type === 'interactive')[nth],
      );
    const resolved = customer('FAQ resolved');
    await resolved.sendText('faq').delivery;
    const menu = await menuFor(resolved.key, 0);
    expect(menu.request).toMatchObject({
      interactive: {
        body: { text: 'How can we help?' },
        action: {
          buttons: [
            { reply: { id: 'hours', title: 'Opening hours' } },
            { reply: { id: 'returns', title: 'Returns' } },
            { reply: { id: 'talk_to_a_person', title: 'Talk to a person' } },
          ],
        },
      },
    });
    await resolved.tapButton({ replyTo: menu.wamid, id: 'returns', title: 'Returns' }).delivery;
    const again = await menuFor(resolved.key, 1);
    await resolved.tapButton({ replyTo: again.wamid, id: 'hours', title: 'Opening hours' }).delivery;
    await eventually(() =>
      server.simulator
        .outbound()
        .find((m) => m.customerKey === resolved.key && m.preview.includes('We are open')),
    );
    const done = await eventually(async () => {
      const row = await server.store.db
        .selectFrom('tickets')
        .innerJoin('contacts', 'contacts.id', 'tickets.contact_id')
        .select(['tickets.id', 'tickets.bot_resolved'])
        .where('contacts.wa_id', '=', resolved.waId!)
        .executeTakeFirst();
      return Number(row?.bot_resolved) === 1 ? row : undefined;
    });
    const events = await server.api<{ data: { kind: string }[] }>('GET', `/api/v1/tickets/${done.id}/events`);
    expect(events.body.data.map((e) => e.kind)).toContain('bot_resolved');

    const human = customer('FAQ human');
    await human.sendText('faq').delivery;
    const humanMenu = await menuFor(human.key, 0);
    await human.tapButton({ replyTo: humanMenu.wamid, id: 'talk_to_a_person', title: 'Talk to a person' })
      .delivery;
    await eventually(() =>
      server.simulator
        .outbound()
        .find((m) => m.customerKey === human.key && m.preview.includes('a person from our team')),
    );
    const handed = await ticketOf(human.waId!);
    const humanEvents = await server.api<{ data: { kind: string }[] }>(
      'GET',
      `/api/v1/tickets/${handed!.id}/events`,
    );
    expect(humanEvents.body.data.map((e) => e.kind)).toContain('bot_handoff');
    const session = await server.store.db
      .selectFrom('bot_sessions')
      .selectAll()
      .where('ticket_id', '=', handed!.id)
      .executeTakeFirst();
    expect(session).toBeUndefined();
    // Later messages are routed by the rules again (the FAQ rule only starts a flow on “faq”).
    await server.api('DELETE', `/api/v1/routing/rules/${(rule.body as { data: { id: string } }).data.id}`);
  });
});
