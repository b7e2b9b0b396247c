import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from './support/databases.ts';
import { eventually, startTestServer, type TestServer } from './support/harness.ts';

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
interface TicketRow {
  id: string;
  number: number;
  status: string;
  contact: { waId: string | null; bsuid: string | null; name: string | null; language: string | null };
  language: string | null;
  tags: string[];
  lastMessagePreview: string | null;
  waitingSince: number | null;
}
interface MessageRow {
  id: string;
  type: string;
  direction: string;
  body: string | null;
  status: string;
  content: { kind: string } & Record<string, unknown>;
  reactions: { emoji: string }[];
  context: { quotedMessageId: string | null; forwarded: boolean } | null;
  error: { code: number | null; reason: string } | null;
  editedAt: number | null;
  deletedAt: number | null;
}

describe.each(testDialects)('a WhatsApp conversation becomes a ticket (%s)', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => {
    await server?.close();
  });

  const ticketOf = async (waId: string) => {
    const list = await server.api<Page<TicketRow>>('GET', `/api/v1/tickets?q=${waId}`);
    return list.body.data.find((t) => t.contact.waId === waId);
  };
  const messagesOf = async (ticketId: string) =>
    (await server.api<Page<MessageRow>>('GET', `/api/v1/tickets/${ticketId}/messages`)).body.data;

  it('opens one ticket per customer and keeps every message type', async () => {
    const customer = server.simulator.customer({ waId: '33612345001', name: 'Élodie Martin' });
    const first = customer.sendText('Bonjour, ma machine à laver fuit 😢 https://example.com/photo');
    expect((await first.delivery).ok).toBe(true);
    const image = customer.sendImage({
      data: Buffer.from('fake-jpeg'),
      mimeType: 'image/jpeg',
      caption: 'la fuite',
    });
    customer.sendAudio({ data: Buffer.from('fake-ogg'), mimeType: 'audio/ogg; codecs=opus', voice: true });
    customer.sendDocument({
      data: Buffer.from('%PDF-1.4'),
      mimeType: 'application/pdf',
      filename: 'Facture café.pdf',
    });
    customer.sendVideo({ data: Buffer.from('fake-mp4'), mimeType: 'video/mp4' });
    customer.sendSticker({ data: Buffer.from('RIFF'), mimeType: 'image/webp' });
    customer.sendLocation({ latitude: 48.8566, longitude: 2.3522, name: 'Paris' });
    customer.sendContacts([
      {
        name: { formatted_name: 'Jean Dupont' },
        phones: [{ phone: '+33 6 00 00 00 00', wa_id: '33600000000' }],
      },
    ]);
    customer.sendOrder({
      catalogId: 'cat-1',
      items: [{ productRetailerId: 'sku-1', quantity: 2, itemPrice: 9.99, currency: 'EUR' }],
    });
    customer.sendUnsupported('poll_creation');
    const reaction = customer.react({ wamid: image.wamid, emoji: '👍' });
    await reaction.delivery;
    await server.simulator.waitForIdle();

    const ticket = await eventually(() => ticketOf('33612345001'));
    expect(ticket.status).toBe('new');
    expect(ticket.contact.name).toBe('Élodie Martin');
    expect(ticket.contact.language).toBe('fr');
    expect(ticket.language).toBe('fr');
    const messages = await messagesOf(ticket.id);
    const kinds = messages.map((m) => m.content.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['text', 'media', 'location', 'contacts', 'order', 'unsupported', 'reaction']),
    );
    expect(
      messages
        .filter((m) => m.content.kind === 'media')
        .map((m) => m.type)
        .sort(),
    ).toEqual(['audio', 'document', 'image', 'sticker', 'video']);
    expect(messages[0]!.body).toBe('Bonjour, ma machine à laver fuit 😢 https://example.com/photo');
    const photo = messages.find((m) => m.type === 'image')!;
    expect(photo.reactions).toEqual([{ emoji: '👍', authorType: 'customer' }]);
    const doc = messages.find((m) => m.type === 'document')!;
    expect(doc.content.filename).toBe('Facture café.pdf');
    const voice = messages.find((m) => m.type === 'audio')!;
    expect(voice.content.voice).toBe(true);
  });

  it('keeps replies, forwards and interactive answers with their context', async () => {
    const customer = server.simulator.customer({ waId: '34600000002', name: 'Lucía' });
    const original = customer.sendText('Mi pedido no llegó');
    await original.delivery;
    await customer.sendText('¿Alguna novedad?', { replyTo: original.wamid, forwarded: true }).delivery;
    await customer.tapButton({ replyTo: original.wamid, id: 'talk_to_agent', title: 'Hablar con alguien' })
      .delivery;
    await customer.pickListRow({ replyTo: original.wamid, id: 'order_status', title: 'Estado del pedido' })
      .delivery;
    await customer.tapTemplateButton({ replyTo: original.wamid, payload: 'csat:5', text: 'Excelente' })
      .delivery;
    const ticket = await eventually(() => ticketOf('34600000002'));
    const messages = await messagesOf(ticket.id);
    const reply = messages.find((m) => m.body === '¿Alguna novedad?')!;
    expect(reply.context?.quotedMessageId).toBe(messages[0]!.id);
    expect(reply.context?.forwarded).toBe(true);
    expect(messages.map((m) => m.content.kind)).toEqual([
      'text',
      'text',
      'interactive',
      'interactive',
      'button',
    ]);
    expect(messages[2]!.content.replyId).toBe('talk_to_agent');
  });

  it('stores the same webhook delivered twenty times exactly once', async () => {
    const customer = server.simulator.customer({ waId: '39300000003', name: 'Giulia' });
    const sent = customer.sendText('Ciao, una domanda');
    const delivery = server.simulator.deliveries().find((d) => d.id === sent.deliveryId)!;
    await sent.delivery;
    await Promise.all(Array.from({ length: 19 }, () => server.simulator.redeliver(delivery.id).done));
    const ticket = await eventually(() => ticketOf('39300000003'));
    expect(await messagesOf(ticket.id)).toHaveLength(1);
    const all = await server.api<Page<TicketRow>>('GET', '/api/v1/tickets?q=39300000003');
    expect(all.body.data).toHaveLength(1);
  });

  it('never opens two tickets for concurrent deliveries from one customer', async () => {
    const customer = server.simulator.customer({ waId: '966500000004', name: 'سارة' });
    const sends = Array.from({ length: 12 }, (_, i) => customer.sendText(`رسالة ${i}`));
    const results = await Promise.all(sends.map((s) => s.delivery));
    expect(results.every((r) => r.ok)).toBe(true);
    const list = await server.api<Page<TicketRow>>('GET', '/api/v1/tickets?q=966500000004');
    expect(list.body.data).toHaveLength(1);
    expect(await messagesOf(list.body.data[0]!.id)).toHaveLength(12);
  });

  it('keys a username-only customer on the business-scoped id and merges when the phone appears', async () => {
    const bsuid = 'FR.90817263544332211';
    const anonymous = server.simulator.customer({ userId: bsuid, username: 'lea.b' });
    await anonymous.sendText('Salut, je suis Léa').delivery;
    const known = server.simulator.customer({ userId: bsuid, waId: '33700000005', name: 'Léa B.' });
    await known.sendText('Voici mon numéro').delivery;
    const list = await server.api<Page<TicketRow>>('GET', '/api/v1/tickets?q=lea.b');
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]!.contact).toMatchObject({ waId: '33700000005', bsuid });
    expect(await messagesOf(list.body.data[0]!.id)).toHaveLength(2);
  });

  it('sends an agent reply, follows its ticks, and is idempotent on the key', async () => {
    const customer = server.simulator.customer({ waId: '5215500000006', name: 'Diego' });
    await customer.sendText('Hola').delivery;
    const ticket = await eventually(() => ticketOf('5215500000006'));
    // The agent opening the ticket sends a read receipt: blue ticks on the customer's phone.
    expect((await server.api('POST', `/api/v1/tickets/${ticket.id}/read`)).status).toBe(204);
    await eventually(() => customer.sent()[0]?.readByBusiness === true);
    const body = {
      type: 'text',
      text: 'Hola Diego, ¿en qué puedo ayudarte?',
      idempotencyKey: 'reply-0006-a',
    };
    const sent = await server.api<{ data: MessageRow }>(
      'POST',
      `/api/v1/tickets/${ticket.id}/messages`,
      body,
    );
    expect(sent.status).toBe(202);
    const again = await server.api<{ data: MessageRow }>(
      'POST',
      `/api/v1/tickets/${ticket.id}/messages`,
      body,
    );
    expect(again.status).toBe(200);
    expect(again.body.data.id).toBe(sent.body.data.id);
    await eventually(() => customer.inbox()[0]?.status === 'delivered');
    customer.readAll();
    const read = await eventually(async () => {
      const messages = await messagesOf(ticket.id);
      const reply = messages.find((m) => m.id === sent.body.data.id)!;
      return reply.status === 'read' && reply;
    });
    expect(read.status).toBe('read');
    expect(customer.inbox()).toHaveLength(1);
    const detail = await server.api<{ status: string }>('GET', `/api/v1/tickets/${ticket.id}`);
    expect(detail.body.status).toBe('open');
  });

  it('applies out-of-order statuses without moving backwards', async () => {
    const customer = server.simulator.customer({ waId: '33600000007', name: 'Paul' });
    await customer.sendText('Statut ?').delivery;
    const ticket = await eventually(() => ticketOf('33600000007'));
    server.simulator.injectFault({ route: 'messages', status: 200, times: 0 });
    const sent = await server.api<{ data: MessageRow }>('POST', `/api/v1/tickets/${ticket.id}/messages`, {
      type: 'text',
      text: 'Un instant',
    });
    const wamid = await eventually(() => customer.inbox()[0]?.wamid);
    await eventually(
      async () =>
        (await messagesOf(ticket.id)).find((m) => m.id === sent.body.data.id)?.status === 'delivered',
    );
    await server.simulator.sendStatus(wamid, 'read').done;
    await server.simulator.sendStatus(wamid, 'delivered').done;
    await server.simulator.sendStatus(wamid, 'sent').done;
    const final = (await messagesOf(ticket.id)).find((m) => m.id === sent.body.data.id)!;
    expect(final.status).toBe('read');
  });

  it('marks a send failed with a readable reason when WhatsApp refuses it for good', async () => {
    const customer = server.simulator.customer({ waId: '33600000008', name: 'Nina' });
    await customer.sendText('Allô').delivery;
    const ticket = await eventually(() => ticketOf('33600000008'));
    server.simulator.injectFault({ route: 'messages', status: 400, code: 131026, times: 1 });
    const sent = await server.api<{ data: MessageRow }>('POST', `/api/v1/tickets/${ticket.id}/messages`, {
      type: 'text',
      text: 'Réponse',
    });
    const failed = await eventually(async () => {
      const message = (await messagesOf(ticket.id)).find((m) => m.id === sent.body.data.id)!;
      return message.status === 'failed' && message;
    });
    expect(failed.error).toMatchObject({ code: 131026, reason: 'whatsapp.undeliverable' });
    expect(customer.inbox()).toHaveLength(0);
  });

  it('retries a send on a transient Graph error and delivers it once', async () => {
    const customer = server.simulator.customer({ waId: '33600000009', name: 'Hugo' });
    await customer.sendText('Bonjour').delivery;
    const ticket = await eventually(() => ticketOf('33600000009'));
    server.simulator.injectFault({ route: 'messages', status: 500, code: 131000, times: 1 });
    const sent = await server.api<{ data: MessageRow }>('POST', `/api/v1/tickets/${ticket.id}/messages`, {
      type: 'text',
      text: 'Voilà',
    });
    const delivered = await eventually(async () => {
      const message = (await messagesOf(ticket.id)).find((m) => m.id === sent.body.data.id)!;
      return ['sent', 'delivered'].includes(message.status) && message;
    }, 15_000);
    expect(delivered.error).toBeNull();
    expect(customer.inbox()).toHaveLength(1);
  });

  it('keeps internal notes out of WhatsApp and changes status, priority, tags', async () => {
    const customer = server.simulator.customer({ waId: '33600000010', name: 'Zoé' });
    await customer.sendText('Besoin d’aide').delivery;
    const ticket = await eventually(() => ticketOf('33600000010'));
    const note = await server.api<{ data: MessageRow }>('POST', `/api/v1/tickets/${ticket.id}/notes`, {
      text: 'VIP, rappeler demain',
    });
    expect(note.status).toBe(201);
    expect(note.body.data.direction).toBe('internal');
    const patched = await server.api<{ status: string; priority: string; tags: string[] }>(
      'PATCH',
      `/api/v1/tickets/${ticket.id}`,
      {
        status: 'pending',
        priority: 'high',
        tags: ['Billing', 'vip', 'billing'],
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: 'pending', priority: 'high', tags: ['billing', 'vip'] });
    expect(customer.inbox()).toHaveLength(0);
    const byTag = await server.api<Page<TicketRow>>('GET', '/api/v1/tickets?tag=vip&status=pending');
    expect(byTag.body.data.map((t) => t.id)).toContain(ticket.id);
    // The customer answering a pending ticket puts it back to open.
    await customer.sendText('Toujours là ?').delivery;
    const after = await server.api<{ status: string }>('GET', `/api/v1/tickets/${ticket.id}`);
    expect(after.body.status).toBe('open');
    const events = await server.api<{ data: { kind: string }[] }>(
      'GET',
      `/api/v1/tickets/${ticket.id}/events`,
    );
    expect(events.body.data.map((e) => e.kind)).toEqual([
      'created',
      'status_changed',
      'priority_changed',
      'tags_changed',
      'status_changed',
    ]);
  });

  it('reopens a solved ticket when the customer writes again within the window', async () => {
    const customer = server.simulator.customer({ waId: '33600000011', name: 'Marc' });
    await customer.sendText('Question').delivery;
    const ticket = await eventually(() => ticketOf('33600000011'));
    await server.api('PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'solved' });
    await customer.sendText('Finalement, autre chose').delivery;
    const reopened = await server.api<{ status: string; reopenCount: number }>(
      'GET',
      `/api/v1/tickets/${ticket.id}`,
    );
    expect(reopened.body).toMatchObject({ status: 'open', reopenCount: 1 });
    await server.api('PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'closed' });
    await customer.sendText('Encore moi').delivery;
    const list = await server.api<Page<TicketRow>>('GET', '/api/v1/tickets?q=33600000011');
    expect(list.body.data).toHaveLength(2);
    expect(list.body.data[1]!.number).toBeLessThan(list.body.data[0]!.number);
  });
});
