import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, HOUR } from '../src/kernel/index.ts';
import { testDialects } from './support/databases.ts';
import { eventually, startTestServer, type TestServer } from './support/harness.ts';

interface Page<T> {
  data: T[];
}
interface TemplateView {
  name: string;
  language: string;
  slots: { header: string[]; body: string[] };
  unsendableReason: string | null;
}
interface ApiError {
  error: { kind: string; reason: string; message: string };
}

describe.each(testDialects)('templates, choices and canned replies (%s)', (dialect) => {
  let server: TestServer;
  const clock = createManualClock(Date.now());
  beforeAll(async () => {
    server = await startTestServer(dialect, { clock });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function openTicket(waId: string, text: string) {
    const customer = server.simulator.customer({ waId, name: `Customer ${waId}` });
    await customer.sendText(text).delivery;
    const list = await server.api<Page<{ id: string }>>('GET', `/api/v1/tickets?q=${waId}`);
    return { customer, ticketId: list.body.data[0]!.id };
  }

  it('syncs the templates of the business account with their placeholders', async () => {
    const synced = await server.api<{ data: { count: number } }>('POST', '/api/v1/templates/sync');
    expect(synced.status).toBe(200);
    expect(synced.body.data.count).toBeGreaterThan(5);
    const french = await server.api<Page<TemplateView>>('GET', '/api/v1/templates?language=fr');
    const update = french.body.data.find((t) => t.name === 'ticket_update')!;
    expect(update.slots).toEqual({ header: [], body: ['1', '2'] });
    expect(update.unsendableReason).toBeNull();
    const named = (await server.api<Page<TemplateView>>('GET', '/api/v1/templates')).body.data.find(
      (t) => t.name === 'order_status',
    );
    expect(named?.slots.body).toEqual(['customer_name', 'order_id', 'order_state']);
  });

  it('sends a template once the 24-hour window has closed, filled and previewed', async () => {
    await server.api('POST', '/api/v1/templates/sync');
    const { customer, ticketId } = await openTicket('4478100000', 'Mon colis est arrivé cassé');
    clock.advance(25 * HOUR);
    const text = await server.api<ApiError>('POST', `/api/v1/tickets/${ticketId}/messages`, {
      type: 'text',
      text: 'Bonjour',
    });
    expect(text.body.error.reason).toBe('whatsapp.window_closed');
    const sent = await server.api<{ data: { type: string; body: string } }>(
      'POST',
      `/api/v1/tickets/${ticketId}/messages`,
      {
        type: 'template',
        name: 'ticket_update',
        language: 'fr',
        parameters: { body: { '1': 'Amélie', '2': 'TCK-77' } },
      },
    );
    expect(sent.status).toBe(202);
    expect(sent.body.data.type).toBe('template');
    expect(sent.body.data.body).toBe(
      'Bonjour Amélie, votre demande TCK-77 a été mise à jour. Répondez à ce message pour continuer.',
    );
    await eventually(() => customer.inbox().length === 1);
    const [message] = customer.inbox();
    expect(message!.isTemplate).toBe(true);
    expect(message!.preview).toContain('Amélie');
    expect(message!.error).toBeUndefined();
  });

  it('sends named templates with parameter names', async () => {
    await server.api('POST', '/api/v1/templates/sync');
    const { customer, ticketId } = await openTicket('4478100001', 'Where is my order?');
    const sent = await server.api('POST', `/api/v1/tickets/${ticketId}/messages`, {
      type: 'template',
      name: 'order_status',
      language: 'en_US',
      parameters: { body: { customer_name: 'Sam', order_id: 'A-1001', order_state: 'shipped' } },
    });
    expect(sent.status).toBe(202);
    await eventually(() => customer.inbox().length === 1);
    expect(customer.inbox()[0]!.preview).toBe('Hello Sam, your order A-1001 is now shipped.');
    expect(customer.inbox()[0]!.error).toBeUndefined();
  });

  it('refuses a template with a missing, unknown or malformed value, naming the placeholder', async () => {
    await server.api('POST', '/api/v1/templates/sync');
    const { customer, ticketId } = await openTicket('4478100002', 'Hello');
    const send = (parameters: unknown, name = 'ticket_update') =>
      server.api<ApiError>('POST', `/api/v1/tickets/${ticketId}/messages`, {
        type: 'template',
        name,
        language: 'en_US',
        parameters,
      });
    const missing = await send({ body: { '1': 'Sam' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('parameters.body.2: a value is required');
    const unknown = await send({ body: { '1': 'Sam', '2': 'T-1', '3': 'extra' } });
    expect(unknown.body.error.message).toContain('parameters.body.3: this template');
    const newline = await send({ body: { '1': 'Sam', '2': 'line\nbreak' } });
    expect(newline.body.error.reason).toBe('template.parameter_format');
    const absent = await send({ body: {} }, 'no_such_template');
    expect(absent.status).toBe(404);
    expect(absent.body.error.reason).toBe('template.not_found');
    expect(customer.inbox()).toHaveLength(0);
  });

  it('sends reply buttons and lists, checked against WhatsApp’s limits first', async () => {
    const { customer, ticketId } = await openTicket('4478100003', 'Help');
    const tooLong = await server.api<ApiError>('POST', `/api/v1/tickets/${ticketId}/messages`, {
      type: 'choices',
      style: 'buttons',
      body: 'Pick one',
      buttons: [{ id: 'a', title: 'A title that is far too long for WhatsApp' }],
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('at most 20 characters');
    const buttons = await server.api('POST', `/api/v1/tickets/${ticketId}/messages`, {
      type: 'choices',
      style: 'buttons',
      body: 'Was this helpful?',
      buttons: [
        { id: 'yes', title: 'Yes' },
        { id: 'no', title: 'No' },
      ],
    });
    expect(buttons.status).toBe(202);
    const list = await server.api('POST', `/api/v1/tickets/${ticketId}/messages`, {
      type: 'choices',
      style: 'list',
      body: 'What is the problem?',
      buttonLabel: 'Choose',
      sections: [
        {
          rows: [
            { id: 'late', title: 'Late delivery' },
            { id: 'broken', title: 'Damaged' },
          ],
        },
      ],
    });
    expect(list.status).toBe(202);
    await eventually(() => customer.inbox().length === 2);
    const [first, second] = customer.inbox();
    expect(first!.request).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });
    expect(second!.request).toMatchObject({ type: 'interactive', interactive: { type: 'list' } });
    // The customer's choice comes back as an interactive reply on the same ticket.
    await customer.tapButton({ replyTo: first!.wamid, id: 'yes', title: 'Yes' }).delivery;
    const messages = await server.api<
      Page<{ direction: string; content: { kind: string; replyId?: string } }>
    >('GET', `/api/v1/tickets/${ticketId}/messages`);
    expect(messages.body.data.at(-1)!.content).toMatchObject({ kind: 'interactive', replyId: 'yes' });
  });

  it('keeps canned replies with a unique shortcut and known placeholders', async () => {
    const created = await server.api<{ data: { id: string; shortcut: string } }>(
      'POST',
      '/api/v1/canned-replies',
      {
        shortcut: 'refund',
        title: 'Refund started',
        body: 'Hi {{contact.name}}, your refund is on its way.',
      },
    );
    expect(created.status).toBe(201);
    const duplicate = await server.api<ApiError>('POST', '/api/v1/canned-replies', {
      shortcut: 'refund',
      title: 'Again',
      body: 'Text',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.reason).toBe('canned_reply.shortcut_taken');
    const badPlaceholder = await server.api<ApiError>('POST', '/api/v1/canned-replies', {
      shortcut: 'bad',
      title: 'Bad',
      body: 'Hi {{customer.first}}',
    });
    expect(badPlaceholder.status).toBe(400);
    expect(badPlaceholder.body.error.message).toContain('body: unknown placeholder {{customer.first}}');
    const found = await server.api<Page<{ shortcut: string }>>('GET', '/api/v1/canned-replies?q=REF');
    expect(found.body.data.map((reply) => reply.shortcut)).toEqual(['refund']);
    const patched = await server.api<{ data: { title: string } }>(
      'PATCH',
      `/api/v1/canned-replies/${created.body.data.id}`,
      { title: 'Refund on its way' },
    );
    expect(patched.body.data.title).toBe('Refund on its way');
    expect((await server.api('DELETE', `/api/v1/canned-replies/${created.body.data.id}`)).status).toBe(204);
  });
});
