import { describe, expect, it } from 'vitest';
import { reconcile } from './hooks/use-phone';
import { type PhoneSentMessage, parseCustomers, parseInbox, parseSent } from './parse';
import type { PendingSend } from './phone-state';

const sentMessage = (overrides: Partial<PhoneSentMessage>): PhoneSentMessage => ({
  wamid: 'wamid.A',
  type: 'text',
  text: 'hello',
  filename: null,
  isVoice: false,
  readByBusiness: false,
  at: 1,
  ...overrides,
});

const pendingSend = (overrides: Partial<PendingSend>): PendingSend => ({
  localId: 'local-1',
  customerId: '33611111111',
  wamid: null,
  kind: 'text',
  text: 'hello',
  filename: null,
  voice: false,
  status: 'sending',
  at: 1,
  ...overrides,
});

describe('phone parsers (simulator JSON)', () => {
  it('reads customers by key, with or without a phone number', () => {
    expect(
      parseCustomers({
        data: [{ key: '3361', waId: '3361', name: 'Zoé' }, { key: 'US.42', userId: 'US.42' }, 'junk'],
      }),
    ).toEqual([
      { id: '3361', waId: '3361', name: 'Zoé' },
      { id: 'US.42', waId: null, name: null },
    ]);
  });

  it('reads the business messages: preview text, interactive buttons, voice flag', () => {
    const [text, buttons] = parseInbox({
      data: [
        { wamid: 'w1', type: 'text', preview: 'Hi Zoé', status: 'delivered', createdAt: 5, isVoice: false },
        {
          wamid: 'w2',
          type: 'interactive',
          preview: 'Helpful?\n[Yes] [No]',
          createdAt: 6,
          request: {
            interactive: {
              type: 'button',
              body: { text: 'Helpful?' },
              action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
            },
          },
        },
      ],
    });
    expect(text).toMatchObject({
      wamid: 'w1',
      text: 'Hi Zoé',
      status: 'delivered',
      at: 5,
      interactive: null,
    });
    expect(buttons).toMatchObject({
      text: 'Helpful?',
      interactive: { kind: 'buttons', options: [{ id: 'yes', title: 'Yes' }] },
    });
  });

  it("reads the customer's own messages as delivered", () => {
    expect(
      parseSent({
        data: [
          { wamid: 'a', type: 'text', at: 1, readByBusiness: true, message: { text: { body: 'Bonjour' } } },
          {
            wamid: 'b',
            type: 'audio',
            at: 2,
            readByBusiness: false,
            message: { audio: { voice: true, mime_type: 'audio/webm;codecs=opus' } },
          },
          {
            wamid: 'c',
            type: 'interactive',
            at: 3,
            message: { interactive: { type: 'button_reply', button_reply: { id: 'y', title: 'Yes' } } },
          },
        ],
      }),
    ).toMatchObject([
      { wamid: 'a', text: 'Bonjour', readByBusiness: true },
      { wamid: 'b', text: null, isVoice: true },
      { wamid: 'c', text: 'Yes' },
    ]);
  });
});

describe('reconcile (pending sends against the simulator list)', () => {
  it('hides a pending send once its wamid is listed', () => {
    expect(reconcile([sentMessage({ wamid: 'w1' })], [pendingSend({ wamid: 'w1' })])).toEqual([]);
    expect(reconcile([], [pendingSend({ wamid: 'w1' })])).toHaveLength(1);
  });

  it('matches a send still waiting for its wamid by content, once per listed message', () => {
    const pending = [pendingSend({ localId: 'a' }), pendingSend({ localId: 'b' })];
    expect(reconcile([sentMessage({ wamid: 'w1' })], pending).map((entry) => entry.localId)).toEqual(['b']);
    expect(reconcile([sentMessage({ wamid: 'w1', text: 'other' })], pending)).toHaveLength(2);
  });

  it('keeps failed sends visible', () => {
    expect(reconcile([sentMessage({})], [pendingSend({ status: 'failed' })])).toHaveLength(1);
  });
});
