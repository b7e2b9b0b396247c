import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SimulatorHarness, startSimulatorHarness, TEST_CONFIG, waitFor } from './simulator.harness.ts';

type Json = Record<string, unknown>;

describe('customer API', () => {
  let h: SimulatorHarness;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(`${h.apiUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  beforeEach(async () => {
    h = await startSimulatorHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('sends customer messages as signed webhooks and lists customers', async () => {
    const text = await call('POST', '/customers/+33612345678/messages?name=Zo%C3%AB', {
      type: 'text',
      body: 'Bonjour 👋',
    });
    expect(text.status).toBe(201);
    expect(text.body).toMatchObject({
      wamid: expect.stringMatching(/^wamid\./),
      firstAttempt: { status: 200 },
    });
    const image = await call('POST', '/customers/33612345678/messages', {
      type: 'image',
      data: Buffer.from('jpeg-bytes').toString('base64'),
      mimeType: 'image/jpeg',
      caption: 'broken screen',
    });
    expect(image.status).toBe(201);
    expect(h.helpdesk.received.every((r) => r.isSignatureValid)).toBe(true);
    expect(h.helpdesk.received[0]?.raw.toString()).toContain('Bonjour \\ud83d\\udc4b');

    const bsuid = await call('POST', '/customers/US.1234567890/messages', {
      type: 'location',
      latitude: 1.5,
      longitude: 2.5,
    });
    expect(bsuid.status).toBe(201);
    const customers = await call('GET', '/customers');
    expect(customers.body.data).toEqual([
      expect.objectContaining({ key: '33612345678', waId: '33612345678', name: 'Zoë', isWindowOpen: true }),
      expect.objectContaining({ key: 'US.1234567890', userId: 'US.1234567890' }),
    ]);
  });

  it.each([
    ['an unknown type', { type: 'hologram' }, 'body.type'],
    ['a missing body', { type: 'text' }, 'body.body'],
    ['non-base64 media', { type: 'image', data: '***', mimeType: 'image/jpeg' }, 'body.data'],
    [
      'a long button title',
      { type: 'button_reply', replyTo: 'wamid.X', id: 'a', title: 'x'.repeat(21) },
      'body.title',
    ],
  ])('answers 400 invalid_input for %s, naming the field', async (_label, body, field) => {
    const { status, body: answer } = await call('POST', '/customers/15550001234/messages', body);
    expect(status).toBe(400);
    expect(answer.error).toMatchObject({ kind: 'invalid_input', reason: 'simulator.invalid_input', field });
    expect(String((answer.error as Json).message)).toContain(field);
  });

  it('rejects a malformed customer id and unknown customers', async () => {
    const bad = await call('POST', '/customers/not-a-phone/messages', { type: 'text', body: 'x' });
    expect(bad.status).toBe(400);
    expect((bad.body.error as Json).field).toBe('params');
    const unknown = await call('GET', '/customers/15559999999/inbox');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ kind: 'not_found', reason: 'customer.not_found' });
  });

  it('shows the inbox with statuses and marks everything read', async () => {
    await call('POST', '/customers/15550007777/messages', { type: 'text', body: 'hi' });
    const send = await fetch(`${h.graphUrl}/v25.0/${TEST_CONFIG.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { ...h.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: '+15550007777',
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Was this helpful?' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
              { type: 'reply', reply: { id: 'no', title: 'No' } },
            ],
          },
        },
      }),
    });
    const { messages } = (await send.json()) as { messages: Array<{ id: string }> };
    const wamid = messages[0]?.id;
    await waitFor(() => h.simulator.findCustomer('15550007777')?.inbox()[0]?.status === 'delivered');
    const inbox = await call('GET', '/customers/15550007777/inbox');
    expect(inbox.body.data).toEqual([
      expect.objectContaining({
        wamid,
        type: 'interactive',
        status: 'delivered',
        preview: 'Was this helpful?\n[Yes] [No]',
      }),
    ]);
    expect(await call('POST', '/customers/15550007777/read')).toMatchObject({
      status: 200,
      body: { read: 1 },
    });
    const tap = await call('POST', '/customers/15550007777/messages', {
      type: 'button_reply',
      replyTo: wamid,
      id: 'yes',
      title: 'Yes',
    });
    expect(tap.status).toBe(201);
    expect(((await call('GET', '/customers/15550007777/inbox')).body.data as Json[])[0]?.status).toBe('read');
    const notAudio = await call(
      'POST',
      `/customers/15550007777/messages/${encodeURIComponent(wamid ?? '')}/play`,
    );
    expect(notAudio.status).toBe(409);
  });

  it('creates a named customer before they write, and lists what they sent', async () => {
    const created = await call('POST', '/customers', { waId: '+44 7700 900123', name: 'Grace Hopper' });
    expect(created.status).toBe(201);
    expect(created.body.customer).toMatchObject({
      key: '447700900123',
      name: 'Grace Hopper',
      isWindowOpen: false,
    });
    expect((await call('GET', '/customers/447700900123/sent')).body.data).toEqual([]);
    expect((await call('POST', '/customers', { name: 'Nobody' })).status).toBe(400);

    const text = await call('POST', '/customers/447700900123/messages', { type: 'text', body: 'Is it on?' });
    const sent = await call('GET', '/customers/447700900123/sent');
    expect(sent.body.customer).toMatchObject({ name: 'Grace Hopper', isWindowOpen: true });
    expect(sent.body.data).toEqual([
      expect.objectContaining({
        wamid: text.body.wamid,
        type: 'text',
        readByBusiness: false,
        message: expect.objectContaining({ from: '447700900123', text: { body: 'Is it on?' } }),
      }),
    ]);
  });

  it("accepts Chromium's voice notes (audio/webm;codecs=opus) and delivers their real MIME type", async () => {
    const voice = await call('POST', '/customers/15550004444/messages', {
      type: 'audio',
      data: Buffer.from('webm-opus-bytes').toString('base64'),
      mimeType: 'audio/webm;codecs=opus',
      voice: true,
    });
    expect(voice.status).toBe(201);
    const webhook = h.helpdesk.received.at(-1)?.body as {
      entry: Array<{ changes: Array<{ value: { messages: Array<{ audio: Json }> } }> }>;
    };
    expect(webhook.entry[0]?.changes[0]?.value.messages[0]?.audio).toMatchObject({
      mime_type: 'audio/webm;codecs=opus',
      voice: true,
    });
    const bad = await call('POST', '/customers/15550004444/messages', {
      type: 'audio',
      data: 'AAAA',
      mimeType: 'audio/webm;<script>',
    });
    expect(bad.status).toBe(400);
  });
});
