import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../kernel/index.ts';
import { type SimulatorHarness, startSimulatorHarness, TEST_CONFIG, waitFor } from './simulator.harness.ts';

type Json = Record<string, unknown>;
type GraphError = {
  error: { message: string; type: string; code: number; error_data: Json; fbtrace_id: string };
};

describe('fake Graph API', () => {
  let h: SimulatorHarness;
  let messagesUrl: string;

  const post = async (url: string, body: unknown, headers: Record<string, string> = h.auth) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json & GraphError };
  };
  const get = async (url: string, headers: Record<string, string> = h.auth) => {
    const response = await fetch(url, { headers });
    return { status: response.status, body: (await response.json()) as Json & GraphError };
  };
  const sendText = (to: string, body: string) =>
    post(messagesUrl, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { body },
    });
  const statusesFor = (wamid: string) =>
    h.helpdesk.received
      .flatMap(
        (r) => (r.body as { entry: Array<{ changes: Array<{ value: { statuses?: Json[] } }> }> }).entry,
      )
      .flatMap((e) => e.changes.flatMap((c) => c.value.statuses ?? []))
      .filter((s) => s.id === wamid);

  beforeEach(async () => {
    h = await startSimulatorHarness();
    messagesUrl = `${h.graphUrl}/v25.0/${TEST_CONFIG.phoneNumberId}/messages`;
  });
  afterEach(async () => {
    await h.close();
  });

  describe('POST /messages validation', () => {
    it('answers 401 / code 190 without a valid bearer token, in Meta’s envelope', async () => {
      for (const headers of [{}, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
        const { status, body } = await post(
          messagesUrl,
          { messaging_product: 'whatsapp', to: '+1555', text: { body: 'x' } },
          headers,
        );
        expect(status).toBe(401);
        expect(body.error).toMatchObject({
          code: 190,
          type: 'OAuthException',
          error_data: { messaging_product: 'whatsapp' },
        });
        expect(body.error.message).toMatch(/^\(#190\) /);
        expect(body.error.fbtrace_id).toMatch(/^[\w-]{10,}$/);
      }
    });

    it('rejects an unknown phone number id with code 100', async () => {
      const { status, body } = await post(`${h.graphUrl}/v25.0/999/messages`, {
        messaging_product: 'whatsapp',
        to: '1',
        text: { body: 'x' },
      });
      expect(status).toBe(400);
      expect(body.error.code).toBe(100);
    });

    const button = (title: string, id = title) => ({ type: 'reply', reply: { id, title } });
    const row = (n: number, extra: Json = {}) => ({ id: `r${n}`, title: `Row ${n}`, ...extra });
    const list = (rows: Json[]) => ({
      type: 'list',
      body: { text: 'Pick one' },
      action: { button: 'Options', sections: [{ title: 'All', rows }] },
    });
    it.each([
      ['missing messaging_product', { to: '+15550100001', text: { body: 'x' } }, 100, 'messaging_product'],
      ['missing to', { messaging_product: 'whatsapp', text: { body: 'x' } }, 100, 'to'],
      ['unknown type', { messaging_product: 'whatsapp', to: '+15550100001', type: 'hologram' }, 100, 'type'],
      ['text over 4096', { type: 'text', text: { body: 'a'.repeat(4097) } }, 100, "text['body']"],
      [
        'caption over 1024',
        { type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'c'.repeat(1025) } },
        100,
        "image['caption']",
      ],
      ['media with neither id nor link', { type: 'image', image: {} }, 131008, 'image'],
      [
        'a caption on audio',
        { type: 'audio', audio: { link: 'https://example.com/a.ogg', caption: 'no' } },
        100,
        "audio['caption']",
      ],
      [
        'four buttons',
        {
          type: 'interactive',
          interactive: {
            type: 'button',
            body: { text: 'b' },
            action: { buttons: ['a', 'b', 'c', 'd'].map((t) => button(t)) },
          },
        },
        131009,
        'buttons',
      ],
      [
        'button title over 20',
        {
          type: 'interactive',
          interactive: { type: 'button', body: { text: 'b' }, action: { buttons: [button('x'.repeat(21))] } },
        },
        100,
        'title',
      ],
      [
        'eleven list rows',
        { type: 'interactive', interactive: list(Array.from({ length: 11 }, (_, i) => row(i))) },
        131009,
        'rows',
      ],
      [
        'row title over 24',
        { type: 'interactive', interactive: list([{ id: 'r', title: 't'.repeat(25) }]) },
        100,
        'title',
      ],
      [
        'row description over 72',
        { type: 'interactive', interactive: list([row(1, { description: 'd'.repeat(73) })]) },
        100,
        'description',
      ],
    ] as const)('rejects %s', async (_label, partial, code, mentioned) => {
      const body =
        'messaging_product' in partial || 'to' in partial || 'hologram' === (partial as Json).type
          ? partial
          : { messaging_product: 'whatsapp', to: '+15550100001', ...partial };
      const response = await post(messagesUrl, body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      expect(String(response.body.error.error_data.details)).toContain(mentioned);
    });

    it('checks templates: unknown language 132001, wrong parameter count 132000, named parameters', async () => {
      const template = (name: string, code: string, components: Json[] = []) =>
        post(messagesUrl, {
          messaging_product: 'whatsapp',
          to: '+15550100002',
          type: 'template',
          template: { name, language: { code }, components },
        });
      expect((await template('ticket_update', 'de')).body.error.code).toBe(132001);
      const one = [{ type: 'body', parameters: [{ type: 'text', text: 'Sheena' }] }];
      const wrongCount = await template('ticket_update', 'en_US', one);
      expect(wrongCount.body.error.code).toBe(132000);
      const named = await template('order_status', 'fr', [
        {
          type: 'body',
          parameters: [
            { type: 'text', parameter_name: 'customer_name', text: 'Zoë' },
            { type: 'text', parameter_name: 'order_id', text: 'A-1' },
            { type: 'text', parameter_name: 'order_state', text: 'expédiée' },
          ],
        },
      ]);
      expect(named.status).toBe(200);
      expect(named.body.messages).toEqual([
        { id: expect.stringMatching(/^wamid\./), message_status: 'accepted' },
      ]);
      const inbox = h.simulator.findCustomer('15550100002')?.inbox() ?? [];
      expect(inbox[0]?.preview).toBe('Bonjour Zoë, votre commande A-1 est maintenant expédiée.');
    });
  });

  describe('statuses and the customer-service window', () => {
    it('accepts a reply in the window and reports sent → delivered → read in order', async () => {
      const alice = h.simulator.customer({ waId: '16505551234', name: 'Alice' });
      await alice.sendText('help').delivery;
      const { status, body } = await sendText('+1 (650) 555-1234', 'On it!');
      expect(status).toBe(200);
      expect(body).toEqual({
        messaging_product: 'whatsapp',
        contacts: [{ input: '+1 (650) 555-1234', wa_id: '16505551234' }],
        messages: [{ id: expect.stringMatching(/^wamid\./) }],
      });
      const wamid = (body.messages as Array<{ id: string }>)[0]?.id ?? '';
      await waitFor(() => alice.inbox()[0]?.status === 'delivered');
      const deliveries = alice.readAll();
      await Promise.all(deliveries.map((d) => d.done));
      const statuses = statusesFor(wamid);
      expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
      expect(statuses[0]).toMatchObject({
        recipient_id: '16505551234',
        timestamp: expect.stringMatching(/^\d+$/),
        pricing: { pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
      });
      expect(statuses[2]).not.toHaveProperty('pricing');
      expect(alice.inbox()[0]).toMatchObject({ status: 'read', preview: 'On it!' });
    });

    it('accepts free-form text outside the 24 h window, then fails it with 131047; templates still go', async () => {
      const bob = h.simulator.customer({ waId: '15550200001' });
      await bob.sendText('hello').delivery;
      h.clock.advance(24 * HOUR + MINUTE);
      expect(bob.isWindowOpen()).toBe(false);
      const late = await sendText('+15550200001', 'Sorry for the wait');
      expect(late.status).toBe(200);
      const lateId = (late.body.messages as Array<{ id: string }>)[0]?.id ?? '';
      const [failed] = await waitFor(() => statusesFor(lateId).length > 0 && statusesFor(lateId));
      expect(failed).toMatchObject({
        status: 'failed',
        errors: [{ code: 131047, title: expect.any(String) }],
      });

      const template = await post(messagesUrl, {
        messaging_product: 'whatsapp',
        to: '+15550200001',
        type: 'template',
        template: {
          name: 'ticket_update',
          language: { code: 'en_US' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Bob' },
                { type: 'text', text: 'TCK-1' },
              ],
            },
          ],
        },
      });
      const templateId = (template.body.messages as Array<{ id: string }>)[0]?.id ?? '';
      const statuses = await waitFor(() => statusesFor(templateId).length === 2 && statusesFor(templateId));
      expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered']);
      expect(statuses[0]?.pricing).toMatchObject({ type: 'regular', category: 'utility' });
    });

    it('marks inbound messages read, and rejects unknown ids with 131009', async () => {
      const sent = h.simulator.customer({ waId: '15550200002' }).sendText('read me');
      await sent.delivery;
      const ok = await post(messagesUrl, {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: sent.wamid,
      });
      expect(ok.body).toEqual({ success: true });
      expect(h.simulator.findCustomer('15550200002')?.sent()[0]?.readByBusiness).toBe(true);
      const unknown = await post(messagesUrl, {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: 'wamid.nope',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.code).toBe(131009);
    });
  });

  describe('media', () => {
    it('resolves a customer’s media to a 5-minute URL downloadable with the bearer token', async () => {
      const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
      const sent = h.simulator
        .customer({ waId: '15550300001' })
        .sendImage({ data: bytes, mimeType: 'image/jpeg' });
      await sent.delivery;
      type ImageWebhook = {
        entry: Array<{ changes: Array<{ value: { messages: Array<{ image: { id: string } }> } }> }>;
      };
      const webhook = h.helpdesk.received[0]?.body as ImageWebhook | undefined;
      const message = webhook?.entry[0]?.changes[0]?.value.messages[0];
      const mediaId = message?.image.id ?? '';

      const resolved = await get(`${h.graphUrl}/v25.0/${mediaId}`);
      expect(resolved.body).toMatchObject({
        messaging_product: 'whatsapp',
        mime_type: 'image/jpeg',
        file_size: bytes.length,
        id: mediaId,
      });
      expect(resolved.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      const url = String(resolved.body.url);
      expect(url.startsWith(`${h.graphUrl}/media-download/`)).toBe(true);

      expect((await fetch(url)).status).toBe(401);
      const download = await fetch(url, { headers: h.auth });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

      h.clock.advance(5 * MINUTE);
      expect((await fetch(url, { headers: h.auth })).status).toBe(404);
      const fresh = String((await get(`${h.graphUrl}/v25.0/${mediaId}`)).body.url);
      expect(fresh).not.toBe(url);
      expect((await fetch(fresh, { headers: h.auth })).status).toBe(200);
    });

    it('uploads, resolves and deletes business media; rejects unsupported types with 131053', async () => {
      const uploadUrl = `${h.graphUrl}/v25.0/${TEST_CONFIG.phoneNumberId}/media`;
      const upload = (mime: string) => {
        const form = new FormData();
        form.append('messaging_product', 'whatsapp');
        form.append('type', mime);
        form.append('file', new Blob([Buffer.from('%PDF-1.4 test')], { type: mime }), 'invoice.pdf');
        return fetch(uploadUrl, { method: 'POST', headers: h.auth, body: form });
      };
      const response = await upload('application/pdf');
      expect(response.status).toBe(200);
      const { id } = (await response.json()) as { id: string };
      expect(id).toMatch(/^\d+$/);
      expect((await get(`${h.graphUrl}/v25.0/${id}`)).body.mime_type).toBe('application/pdf');

      const deleted = await fetch(`${h.graphUrl}/v25.0/${id}`, { method: 'DELETE', headers: h.auth });
      expect(await deleted.json()).toEqual({ success: true });
      const gone = await get(`${h.graphUrl}/v25.0/${id}`);
      expect(gone.status).toBe(400);
      expect(gone.body.error.code).toBe(100);

      const bad = await upload('application/x-msdownload');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as GraphError).error.code).toBe(131053);
    });

    it('reports read then played when the customer plays a voice note', async () => {
      const carol = h.simulator.customer({ waId: '15550300002' });
      await carol.sendText('call me').delivery;
      const form = new FormData();
      form.append('messaging_product', 'whatsapp');
      form.append('file', new Blob([Buffer.from('OggS')], { type: 'audio/ogg' }), 'note.ogg');
      const upload = await fetch(`${h.graphUrl}/v25.0/${TEST_CONFIG.phoneNumberId}/media`, {
        method: 'POST',
        headers: h.auth,
        body: form,
      });
      const { id } = (await upload.json()) as { id: string };
      const sent = await post(messagesUrl, {
        messaging_product: 'whatsapp',
        to: '15550300002',
        type: 'audio',
        audio: { id, voice: true },
      });
      const wamid = (sent.body.messages as Array<{ id: string }>)[0]?.id ?? '';
      await waitFor(() => carol.inbox()[0]?.status === 'delivered');
      expect(await carol.play(wamid)).toEqual({ ok: true, played: true });
      await h.simulator.waitForIdle();
      expect(statusesFor(wamid).map((s) => s.status)).toEqual(['sent', 'delivered', 'read', 'played']);
    });
  });

  it('pages templates with limit and after', async () => {
    const base = `${h.graphUrl}/v25.0/${TEST_CONFIG.wabaId}/message_templates`;
    const seen: Json[] = [];
    let url: string | undefined = `${base}?limit=4`;
    while (url) {
      const page: { body: Json } = await get(url);
      const data = page.body.data as Json[];
      expect(data.length).toBeLessThanOrEqual(4);
      seen.push(...data);
      const paging = page.body.paging as { cursors: { after: string }; next?: string };
      expect(paging.cursors.after).toBeTruthy();
      url = paging.next;
    }
    expect(seen).toHaveLength(h.simulator.graph.listTemplates().length);
    expect(new Set(seen.map((t) => t.id)).size).toBe(seen.length);
    expect(seen[0]).toMatchObject({
      name: 'ticket_update',
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
    });
    const afterFirst = await get(
      `${base}?limit=1&after=${encodeURIComponent(Buffer.from('0').toString('base64'))}`,
    );
    expect((afterFirst.body.data as Json[])[0]?.id).toBe(seen[1]?.id);
  });

  describe('fault injection', () => {
    it('fails the next N calls with Meta’s envelope, then recovers', async () => {
      h.simulator.customer({ waId: '15550400001' });
      h.simulator.injectFault({ route: 'messages', status: 500, times: 2 });
      h.simulator.injectFault({ route: 'messages', status: 429, times: 1 });
      const codes = [];
      for (let i = 0; i < 4; i += 1) {
        const { status, body } = await sendText('15550400001', 'x');
        codes.push([status, body.error?.code ?? 'ok']);
      }
      expect(codes).toEqual([
        [500, 131000],
        [500, 131000],
        [429, 130429],
        [200, 'ok'],
      ]);
    });

    it('hangs for delayMs so the client can time out', async () => {
      h.simulator.injectFault({ route: 'templates', delayMs: 300 });
      const url = `${h.graphUrl}/v25.0/${TEST_CONFIG.wabaId}/message_templates`;
      await expect(fetch(url, { headers: h.auth, signal: AbortSignal.timeout(50) })).rejects.toThrow();
      expect((await get(url)).status).toBe(200);
    });

    it('can fail downloads with a specific code', async () => {
      h.simulator.injectFault({ route: 'media', status: 400, code: 131053 });
      const { status, body } = await get(`${h.graphUrl}/v25.0/123`);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 131053, message: '(#131053) Media upload error' });
    });
  });
});
