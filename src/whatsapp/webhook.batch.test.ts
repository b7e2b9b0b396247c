import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/index.ts';
import { parseWebhook } from './webhook.parser.ts';
import type { ChannelChange, StatusUpdate } from './whatsapp.types.ts';

const fixtureDir = new URL('../../test/fixtures/whatsapp/', import.meta.url);
const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`${name}.json`, fixtureDir), 'utf8'));

function parseChanges(input: unknown): ChannelChange[] {
  const parsed = parseWebhook(input);
  if (parsed.kind !== 'messages') {
    throw new Error(`expected messages, got ignored: ${parsed.reason}`);
  }
  return parsed.changes;
}

const outboundWamid = 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';

describe('parseWebhook: batches', () => {
  it('reads several messages from several senders in one change', () => {
    const [change, ...rest] = parseChanges(readFixture('batch-several-senders'));
    expect(rest).toEqual([]);
    expect(change?.messages.map((m) => [m.fromWaId, m.fromUserId, m.content.kind, m.timestamp])).toEqual([
      ['16505551234', 'US.13491208655302741918', 'text', 1_749_416_383_000],
      ['16505551234', 'US.13491208655302741918', 'media', 1_749_416_384_000],
      ['33612345678', 'FR.88201934410293847561', 'text', 1_749_416_385_000],
      ['5215512345678', undefined, 'reaction', 1_749_416_386_000],
    ]);
    expect(change?.senders.map((s) => s.name)).toEqual(['Sheena Nelson', 'Jean Dupont', 'Ana López']);
  });

  it('reads several entries, one change per business number', () => {
    const changes = parseChanges(readFixture('multi-entry'));
    expect(changes.map((c) => [c.wabaId, c.phoneNumberId, c.displayPhoneNumber, c.messages.length])).toEqual([
      ['102290129340398', '106540352242922', '15550783881', 1],
      ['302910228451190', '207720449103385', '15550001111', 1],
    ]);
  });

  it('counts and skips changes of other fields next to a messages change', () => {
    const parsed = parseWebhook(readFixture('mixed-fields'));
    expect(parsed).toMatchObject({ kind: 'messages', ignoredChanges: 2 });
  });

  it.each([
    ['template-status-update', 'no "messages" change (1 other)'],
    ['other-object-page', 'object "page" is not whatsapp_business_account'],
  ])('ignores %s', (fixture, reason) => {
    expect(parseWebhook(readFixture(fixture))).toEqual({ kind: 'ignored', reason });
  });

  it('keeps value-level errors', () => {
    const [change] = parseChanges(readFixture('value-errors'));
    expect(change?.errors).toEqual([
      {
        code: 130429,
        title: 'Rate limit hit',
        message: 'Rate limit hit',
        details: expect.stringMatching(/too many/),
      },
    ]);
    expect(change?.messages).toEqual([]);
  });
});

describe('parseWebhook: statuses', () => {
  const base: StatusUpdate = {
    wamid: outboundWamid,
    status: 'sent',
    timestamp: 1_750_030_073_000,
    recipientWaId: '16505551234',
    recipientUserId: 'US.13491208655302741918',
    bizOpaqueCallbackData: 'ticket=TCK-1042',
    errors: [],
    pricingCategory: 'service',
  };

  it.each<[string, StatusUpdate]>([
    ['status-sent', base],
    ['status-delivered', { ...base, status: 'delivered', timestamp: 1_750_030_074_000 }],
    ['status-read', { ...base, status: 'read', timestamp: 1_750_030_080_000, pricingCategory: undefined }],
    [
      'status-played',
      {
        ...base,
        status: 'played',
        timestamp: 1_750_030_095_000,
        pricingCategory: undefined,
        bizOpaqueCallbackData: undefined,
      },
    ],
    [
      'status-failed-131047',
      {
        ...base,
        status: 'failed',
        timestamp: 1_750_030_101_000,
        pricingCategory: undefined,
        errors: [
          {
            code: 131047,
            title: 'Re-engagement message',
            message: 'Re-engagement message',
            details: expect.stringMatching(/more than 24 hours/),
          },
        ],
      },
    ],
    [
      'status-failed-131026',
      {
        ...base,
        status: 'failed',
        timestamp: 1_750_030_102_000,
        recipientUserId: undefined,
        bizOpaqueCallbackData: undefined,
        pricingCategory: undefined,
        errors: [
          {
            code: 131026,
            title: 'Message undeliverable',
            message: 'Message undeliverable',
            details: 'Message Undeliverable.',
          },
        ],
      },
    ],
  ])('%s', (fixture, expected) => {
    const [change] = parseChanges(readFixture(fixture));
    expect(change?.statuses).toEqual([expected]);
    expect(change?.messages).toEqual([]);
    expect(change?.warnings).toEqual([]);
  });

  it('skips a status with an unknown value and keeps the rest of the batch', () => {
    const [change] = parseChanges(readFixture('statuses-unknown-value'));
    expect(change?.statuses.map((s) => [s.status, s.timestamp])).toEqual([
      ['sent', 1_750_030_073_000],
      ['delivered', 1_750_030_075_000],
    ]);
    expect(change?.warnings).toEqual([
      { path: 'entry[0].changes[0].value.statuses[1].status', message: 'unknown status "deleted"' },
    ]);
  });
});

function buildEnvelope(value: unknown): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value }] }],
  };
}

const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };
const goodMessage = {
  from: '16505551234',
  id: 'wamid.A',
  timestamp: '1749416383',
  type: 'text',
  text: { body: 'hi' },
};

describe('parseWebhook: invalid payloads', () => {
  it.each<[string, unknown, string]>([
    ['not an object', 'hello', '$'],
    ['null', null, '$'],
    ['missing object', { entry: [] }, 'object'],
    ['missing entry', { object: 'whatsapp_business_account' }, 'entry'],
    ['entry not an array', { object: 'whatsapp_business_account', entry: {} }, 'entry'],
    ['missing metadata', buildEnvelope({ messages: [goodMessage] }), 'entry[0].changes[0].value.metadata'],
    [
      'message without id',
      buildEnvelope({ metadata, messages: [goodMessage, { ...goodMessage, id: undefined }] }),
      'entry[0].changes[0].value.messages[1].id',
    ],
    [
      'message without timestamp',
      buildEnvelope({ metadata, messages: [{ ...goodMessage, timestamp: undefined }] }),
      'entry[0].changes[0].value.messages[0].timestamp',
    ],
    [
      'message with a non-numeric timestamp',
      buildEnvelope({ metadata, messages: [{ ...goodMessage, timestamp: 'yesterday' }] }),
      'entry[0].changes[0].value.messages[0].timestamp',
    ],
    [
      'message without type',
      buildEnvelope({ metadata, messages: [{ ...goodMessage, type: undefined }] }),
      'entry[0].changes[0].value.messages[0].type',
    ],
    [
      'status without id',
      buildEnvelope({ metadata, statuses: [{ status: 'sent', timestamp: '1' }] }),
      'entry[0].changes[0].value.statuses[0].id',
    ],
  ])('%s → invalid_input at %s', (_label, input, path) => {
    let caught: unknown;
    try {
      parseWebhook(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.kind).toBe('invalid_input');
    expect(error.reason).toBe('webhook.invalid_payload');
    expect(error.details).toEqual({ path });
    expect(error.message).toContain(`at ${path}:`);
  });

  it('degrades an unreadable known type to unknown with a warning, keeping the batch', () => {
    const broken = { ...goodMessage, id: 'wamid.B', type: 'image', image: { caption: 'no id' } };
    const [change] = parseChanges(buildEnvelope({ metadata, messages: [goodMessage, broken] }));
    expect(change?.messages.map((m) => m.content)).toEqual([
      { kind: 'text', body: 'hi' },
      { kind: 'unknown', type: 'image' },
    ]);
    expect(change?.messages[1]?.raw).toBe(broken);
    expect(change?.warnings).toEqual([
      { path: 'entry[0].changes[0].value.messages[1].image.id', message: expect.any(String) },
    ]);
  });

  it('accepts numeric timestamps and keeps the flow response string when it is not JSON', () => {
    const flow = {
      ...goodMessage,
      timestamp: 1_749_416_383,
      type: 'interactive',
      interactive: { type: 'nfm_reply', nfm_reply: { name: 'address_message', response_json: 'not json' } },
    };
    const [change] = parseChanges(buildEnvelope({ metadata, messages: [flow] }));
    expect(change?.messages[0]).toMatchObject({
      timestamp: 1_749_416_383_000,
      content: {
        kind: 'interactive',
        replyType: 'nfm_reply',
        flowName: 'address_message',
        flowResponse: 'not json',
      },
    });
  });
});
