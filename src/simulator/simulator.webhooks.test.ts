import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type SimulatorHarness,
  startFakeHelpdesk,
  startSimulatorHarness,
  TEST_CONFIG,
  waitFor,
} from './simulator.harness.ts';
import { createSimulator } from './simulator.ts';

type Envelope = {
  object: string;
  entry: Array<{ id: string; changes: Array<{ field: string; value: Record<string, unknown> }> }>;
};
type Message = Record<string, unknown> & { id: string; type: string };

function readValue(body: unknown, entry = 0) {
  const envelope = body as Envelope;
  const value = envelope.entry[entry]?.changes[0]?.value ?? {};
  return value as {
    contacts: Array<Record<string, unknown>>;
    messages: Message[];
    metadata: Record<string, string>;
  };
}

describe('simulator webhooks', () => {
  let h: SimulatorHarness;
  beforeEach(async () => {
    h = await startSimulatorHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('posts a Meta-shaped, signed text webhook with Meta escaping', async () => {
    const alice = h.simulator.customer({ waId: '16505551234', name: 'Zoë Müller' });
    const sent = alice.sendText('Où est ma commande 12/7 ? 👍');
    const result = await sent.delivery;

    expect(result).toMatchObject({ ok: true, state: 'delivered', attempts: [{ attempt: 1, status: 200 }] });
    const [webhook] = h.helpdesk.received;
    expect(webhook?.isSignatureValid).toBe(true);
    const raw = webhook?.raw.toString('utf8') ?? '';
    expect(raw).toContain('"body":"O\\u00f9 est ma commande 12\\/7 ? \\ud83d\\udc4d"');
    expect(raw).toContain('"name":"Zo\\u00eb M\\u00fcller"');
    expect(/[^\x20-\x7e]/.test(raw)).toBe(false);
    expect(JSON.stringify(webhook?.body)).not.toBe(raw);

    const envelope = webhook?.body as Envelope;
    expect(envelope.object).toBe('whatsapp_business_account');
    expect(envelope.entry[0]?.id).toBe(TEST_CONFIG.wabaId);
    expect(envelope.entry[0]?.changes[0]?.field).toBe('messages');
    const value = readValue(webhook?.body);
    expect(value.metadata).toEqual({
      display_phone_number: TEST_CONFIG.displayPhoneNumber,
      phone_number_id: TEST_CONFIG.phoneNumberId,
    });
    expect(value.contacts).toEqual([{ profile: { name: 'Zoë Müller' }, wa_id: '16505551234' }]);
    expect(value.messages[0]).toEqual({
      from: '16505551234',
      id: sent.wamid,
      timestamp: String(Math.floor(h.clock.now() / 1000)),
      type: 'text',
      text: { body: 'Où est ma commande 12/7 ? 👍' },
    });
    expect(sent.wamid).toMatch(/^wamid\.[A-Za-z0-9+/]+=*$/);
  });

  it('identifies BSUID-only customers by user_id, without from or wa_id', async () => {
    const bob = h.simulator.customer({ userId: 'US.13491208655302741918', name: 'Bob', username: '@bob' });
    await bob.sendText('hi').delivery;
    const value = readValue(h.helpdesk.received[0]?.body);
    expect(value.contacts[0]).toEqual({
      profile: { name: 'Bob', username: '@bob' },
      user_id: 'US.13491208655302741918',
    });
    expect(value.messages[0]).not.toHaveProperty('from');
    expect(value.messages[0]?.from_user_id).toBe('US.13491208655302741918');
  });

  it('redelivers the same bytes until the helpdesk answers 200', async () => {
    h.helpdesk.queueResponses(500, 503);
    const result = await h.simulator.customer({ waId: '15550001111' }).sendText('retry me').delivery;
    expect(result.ok).toBe(true);
    expect(result.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    const raws = h.helpdesk.received.map((r) => r.raw.toString('utf8'));
    expect(new Set(raws).size).toBe(1);
    expect(h.simulator.stats()).toMatchObject({ total: 1, delivered: 1, attempts: 3 });
  });

  it('gives up after the retry schedule and records every attempt', async () => {
    h.helpdesk.queueResponses(500, 500, 500);
    const result = await h.simulator.customer({ waId: '15550001112' }).sendText('lost').delivery;
    expect(result).toMatchObject({ ok: false, state: 'failed' });
    expect(result.attempts).toHaveLength(3);
    expect(h.simulator.deliveries()[0]?.state).toBe('failed');
  });

  it('packs several customers and entries into one webhook', async () => {
    const alice = h.simulator.customer({ waId: '15550002001', name: 'Alice' });
    const bob = h.simulator.customer({ waId: '15550002002', name: 'Bob' });
    const carol = h.simulator.customer({ userId: 'FR.998877', name: 'Carol' });
    const sent = h.simulator.sendBatch([
      [
        alice.compose.text('one'),
        bob.compose.text('two'),
        alice.compose.location({ latitude: 48.85, longitude: 2.35 }),
      ],
      [carol.compose.text('three')],
    ]);
    expect(new Set(sent.map((s) => s.deliveryId)).size).toBe(1);
    await sent[0]?.delivery;
    expect(h.helpdesk.received).toHaveLength(1);
    const first = readValue(h.helpdesk.received[0]?.body, 0);
    const second = readValue(h.helpdesk.received[0]?.body, 1);
    expect(first.contacts.map((c) => c.wa_id)).toEqual(['15550002001', '15550002002']);
    expect(first.messages.map((m) => m.type)).toEqual(['text', 'text', 'location']);
    expect(second.messages[0]?.from_user_id).toBe('FR.998877');
  });

  it('delivers duplicates and concurrent webhooks', async () => {
    const dan = h.simulator.customer({ waId: '15550003001' });
    const sent = dan.sendText('dup');
    await sent.delivery;
    await h.simulator.redeliver(sent.deliveryId).done;
    const concurrent = Array.from({ length: 20 }, (_, i) => dan.sendText(`msg ${i}`).delivery);
    const results = await Promise.all(concurrent);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(h.helpdesk.received[0]?.raw.equals(h.helpdesk.received[1]?.raw ?? Buffer.alloc(0))).toBe(true);
    expect(h.helpdesk.received).toHaveLength(22);
  });

  it.each([
    ['invalid', false, 'sha256='],
    ['missing', false, undefined],
    ['valid', true, 'sha256='],
  ] as const)('deliverRaw with a %s signature', async (mode, isValid, prefix) => {
    const delivery = h.simulator.deliverRaw(
      { object: 'whatsapp_business_account', entry: [] },
      { signature: mode },
    );
    const result = await delivery.done;
    const [webhook] = h.helpdesk.received;
    expect(webhook?.isSignatureValid).toBe(isValid);
    if (prefix === undefined) {
      expect(webhook?.signature).toBeUndefined();
    } else {
      expect(webhook?.signature?.startsWith(prefix)).toBe(true);
    }
    expect(result.attempts).toHaveLength(1);
  });

  it('shapes media, replies, reactions and unsupported messages like Meta', async () => {
    const eve = h.simulator.customer({ waId: '15550004001' });
    const image = eve.sendImage({ data: Buffer.from('fake-jpeg'), mimeType: 'image/jpeg', caption: 'écran' });
    const voice = eve.sendAudio({
      data: Buffer.from('ogg'),
      mimeType: 'audio/ogg; codecs=opus',
      voice: true,
    });
    const doc = eve.sendDocument({
      data: Buffer.from('%PDF'),
      mimeType: 'application/pdf',
      filename: 'Currículum café.pdf',
    });
    const tap = eve.tapButton({ replyTo: 'wamid.BUSINESS', id: 'csat:5', title: 'Great' });
    const unreact = eve.react({ wamid: image.wamid });
    const unsupported = eve.sendUnsupported('poll_creation');
    await Promise.all([image, voice, doc, tap, unreact, unsupported].map((s) => s.delivery));
    const messages = h.helpdesk.received.map((r) => readValue(r.body).messages[0]);

    const imagePayload = messages[0]?.image as Record<string, string>;
    expect(imagePayload).toMatchObject({ caption: 'écran', mime_type: 'image/jpeg' });
    expect(imagePayload.id).toMatch(/^\d{16}$/);
    expect(Buffer.from(imagePayload.sha256 ?? '', 'base64')).toHaveLength(32);
    expect(imagePayload.url).toContain(`${h.graphUrl}/media-download/`);
    expect(h.helpdesk.received[0]?.raw.toString()).toContain('image\\/jpeg');
    expect(messages[1]?.audio).toMatchObject({ voice: true, mime_type: 'audio/ogg; codecs=opus' });
    expect(messages[2]?.document).toMatchObject({ filename: 'Currículum café.pdf' });
    expect(messages[3]).toMatchObject({
      context: { from: TEST_CONFIG.displayPhoneNumber, id: 'wamid.BUSINESS' },
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'csat:5', title: 'Great' } },
    });
    expect(messages[4]?.reaction).toEqual({ message_id: image.wamid });
    expect(messages[5]).toMatchObject({
      type: 'unsupported',
      unsupported: { type: 'poll_creation' },
      errors: [{ code: 131051 }],
    });
  });
});

describe('simulator webhooks when the helpdesk is down', () => {
  it('records connection failures and retries them', async () => {
    const helpdesk = await startFakeHelpdesk(TEST_CONFIG.appSecret);
    const url = helpdesk.url;
    await helpdesk.close();
    const simulator = createSimulator({ ...TEST_CONFIG, webhookUrl: url, retryDelaysMs: [10] });
    const result = await simulator.customer({ waId: '15550005001' }).sendText('anyone?').delivery;
    expect(result.state).toBe('failed');
    expect(result.attempts.map((a) => a.status)).toEqual([null, null]);
    expect(result.attempts[0]?.error).toBeTruthy();
    simulator.close();
  });

  it('cancels pending redeliveries on close', async () => {
    const simulator = createSimulator({
      ...TEST_CONFIG,
      webhookUrl: 'http://127.0.0.1:9/none',
      retryDelaysMs: [60_000],
    });
    const sent = simulator.customer({ waId: '15550005002' }).sendText('x');
    await waitFor(() => simulator.deliveries()[0]?.attempts.length === 1);
    simulator.close();
    expect((await sent.delivery).state).toBe('cancelled');
  });
});
