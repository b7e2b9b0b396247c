import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWebhook } from './webhook.parser.ts';
import type { ChannelChange, InboundMessage, MessageContent } from './whatsapp.types.ts';

const fixtureDir = new URL('../../test/fixtures/whatsapp/', import.meta.url);
const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`${name}.json`, fixtureDir), 'utf8'));

function parseChanges(name: string): ChannelChange[] {
  const parsed = parseWebhook(readFixture(name));
  if (parsed.kind !== 'messages') {
    throw new Error(`expected messages, got ignored: ${parsed.reason}`);
  }
  return parsed.changes;
}

function parseSingleMessage(name: string): InboundMessage {
  const [change] = parseChanges(name);
  expect(change?.messages).toHaveLength(1);
  return change!.messages[0]!;
}

const media = {
  kind: 'media',
  mimeType: expect.any(String),
  sha256: expect.any(String),
  caption: undefined,
  filename: undefined,
  voice: false,
  animated: false,
  url: expect.stringMatching(/^https:\/\/lookaside\.fbsbx\.com\//),
} as const;

const contentCases: [fixture: string, type: string, content: MessageContent | Record<string, unknown>][] = [
  ['text', 'text', { kind: 'text', body: 'Hi, my router keeps blinking red since this morning.' }],
  ['text-bsuid-only', 'text', { kind: 'text', body: 'Hello from a username account' }],
  [
    'image',
    'image',
    {
      ...media,
      mediaKind: 'image',
      mediaId: '1003383421387256',
      mimeType: 'image/jpeg',
      caption: 'Photo of the error screen',
    },
  ],
  [
    'image-legacy-no-url',
    'image',
    { ...media, mediaKind: 'image', mediaId: '1003383421387256', url: undefined },
  ],
  [
    'video',
    'video',
    { ...media, mediaKind: 'video', mediaId: '1186339082896456', caption: 'It clicks when I press here' },
  ],
  [
    'audio-voice',
    'audio',
    {
      ...media,
      mediaKind: 'audio',
      mediaId: '1563398327815006',
      mimeType: 'audio/ogg; codecs=opus',
      voice: true,
    },
  ],
  [
    'document',
    'document',
    {
      ...media,
      mediaKind: 'document',
      mediaId: '2176183689438911',
      caption: 'My CV',
      filename: 'Currículum café.pdf',
    },
  ],
  ['sticker', 'sticker', { ...media, mediaKind: 'sticker', mediaId: '1217402886448366', animated: true }],
  [
    'location',
    'location',
    {
      kind: 'location',
      latitude: 37.44221496582,
      longitude: -122.16165924072,
      name: 'Meta Headquarters',
      address: '1 Hacker Way, Menlo Park, CA 94025',
      url: 'https://meta.com',
    },
  ],
  [
    'interactive-button-reply',
    'interactive',
    {
      kind: 'interactive',
      replyType: 'button_reply',
      replyId: 'csat:TCK-1042:5',
      title: 'Excellent',
      description: undefined,
      flowResponse: undefined,
    },
  ],
  [
    'interactive-list-reply',
    'interactive',
    {
      kind: 'interactive',
      replyType: 'list_reply',
      replyId: 'topic_billing',
      title: 'Billing',
      description: 'Invoices, refunds and payment methods',
      flowResponse: undefined,
    },
  ],
  [
    'interactive-nfm-reply',
    'interactive',
    {
      kind: 'interactive',
      replyType: 'nfm_reply',
      replyId: undefined,
      title: 'Sent',
      description: undefined,
      flowName: 'flow',
      flowResponse: { flow_token: 'TCK-1042:csat', rating: '5', comment: 'Très rapide, merci !' },
    },
  ],
  ['button', 'button', { kind: 'button', payload: 'csat:TCK-1042:4', text: 'Good' }],
  [
    'reaction',
    'reaction',
    {
      kind: 'reaction',
      targetWamid: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA',
      emoji: '👍',
    },
  ],
  [
    'reaction-removed',
    'reaction',
    {
      kind: 'reaction',
      targetWamid: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA',
      emoji: undefined,
    },
  ],
  [
    'order',
    'order',
    {
      kind: 'order',
      catalogId: '194836987003835',
      text: 'Please deliver before Friday',
      items: [
        { productRetailerId: 'di9ozbzfi4', quantity: 2, itemPrice: 30.5, currency: 'USD' },
        { productRetailerId: 'nqryix03ez', quantity: 1, itemPrice: 12, currency: 'USD' },
      ],
    },
  ],
  [
    'system-user-changed-number',
    'system',
    {
      kind: 'system',
      body: 'User Sheena Nelson changed from 16505551234 to 12195554321',
      systemType: 'user_changed_number',
      newWaId: '12195554321',
    },
  ],
  ['unsupported', 'unsupported', { kind: 'unsupported', unsupportedType: 'poll_creation' }],
  ['unsupported-edit', 'unsupported', { kind: 'unsupported', unsupportedType: 'edit' }],
  ['unknown-legacy', 'unknown', { kind: 'unsupported', unsupportedType: undefined }],
  [
    'edit',
    'edit',
    {
      kind: 'edit',
      targetWamid: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMT0RjRDODlBQTEA==',
      newContent: { kind: 'text', body: 'Hi, my router keeps blinking orange since this morning.' },
    },
  ],
  [
    'edit-caption',
    'edit',
    {
      kind: 'edit',
      targetWamid: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMT2QjYzMUQ3QTkA==',
      newContent: {
        ...media,
        mediaKind: 'image',
        mediaId: '1003383421387256',
        caption: 'Photo of the error screen (after reboot)',
        url: undefined,
      },
    },
  ],
  [
    'revoke',
    'revoke',
    {
      kind: 'revoke',
      targetWamid: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMT0RjRDODlBQTEA==',
    },
  ],
  ['request-welcome', 'request_welcome', { kind: 'request_welcome' }],
  ['future-type', 'hologram', { kind: 'unknown', type: 'hologram' }],
];

describe('parseWebhook: one message of each type', () => {
  it.each(contentCases)('%s → %s', (fixture, type, content) => {
    const raw = readFixture(fixture) as { entry: { changes: { value: { messages: unknown[] } }[] }[] };
    const message = parseSingleMessage(fixture);
    expect(message.type).toBe(type);
    expect(message.content).toEqual(content);
    expect(message.wamid).toMatch(/^wamid\./);
    expect(message.timestamp).toBe(1_749_416_383_000);
    expect(message.raw).toEqual(raw.entry[0]?.changes[0]?.value.messages[0]);
  });

  it('keeps the shared contact cards, with the card as sent in raw', () => {
    const message = parseSingleMessage('contacts');
    expect(message.content).toMatchObject({
      kind: 'contacts',
      cards: [
        {
          formattedName: 'Barbara J. Johnson',
          firstName: 'Barbara',
          lastName: 'Johnson',
          organization: 'Meta',
          phones: [
            { phone: '+1 (650) 555-1234', waId: '16505551234', type: 'WORK' },
            { phone: '+1 650 555 4321', waId: undefined, type: 'HOME' },
          ],
          emails: [{ email: 'bjohnson@meta.com', type: 'WORK' }],
          raw: expect.objectContaining({ birthday: '1999-01-23' }),
        },
      ],
    });
  });

  it('reads the sender phone and BSUID, and the sender profile', () => {
    const [change] = parseChanges('text');
    expect(change?.messages[0]).toMatchObject({
      fromWaId: '16505551234',
      fromUserId: 'US.13491208655302741918',
    });
    expect(change?.senders).toEqual([
      { waId: '16505551234', userId: 'US.13491208655302741918', name: 'Sheena Nelson', username: undefined },
    ]);
  });

  it('accepts a username-only sender without a phone number', () => {
    const [change] = parseChanges('text-bsuid-only');
    expect(change?.messages[0]).toMatchObject({ fromWaId: undefined, fromUserId: 'US.13491208655302741918' });
    expect(change?.senders).toEqual([
      { waId: undefined, userId: 'US.13491208655302741918', name: 'Léa M.', username: 'lea.m' },
    ]);
  });

  it('reads a system message without a contacts array', () => {
    const [change] = parseChanges('system-user-changed-number');
    expect(change?.senders).toEqual([]);
  });

  it('keeps errors of unsupported messages', () => {
    expect(parseSingleMessage('unsupported').errors).toEqual([
      {
        code: 131051,
        title: 'Message type unknown',
        message: 'Message type unknown',
        details: 'Message type is currently not supported.',
      },
    ]);
  });
});

describe('parseWebhook: context and referral', () => {
  const outboundWamid = 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';
  const noContext = { forwarded: false, frequentlyForwarded: false, referredProduct: undefined };

  it.each([
    ['text-context-reply', { ...noContext, quotedWamid: outboundWamid, from: '15550783881' }],
    ['interactive-button-reply', { ...noContext, quotedWamid: outboundWamid, from: '15550783881' }],
    ['text-forwarded', { ...noContext, quotedWamid: undefined, from: undefined, frequentlyForwarded: true }],
    ['image-forwarded', { ...noContext, quotedWamid: undefined, from: undefined, forwarded: true }],
    [
      'text-product-enquiry',
      {
        ...noContext,
        quotedWamid: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA',
        from: '15550783881',
        referredProduct: { catalogId: '194836987003835', productRetailerId: 'di9ozbzfi4' },
      },
    ],
    ['text', undefined],
  ])('%s', (fixture, context) => {
    expect(parseSingleMessage(fixture).context).toEqual(context);
  });

  it('reads a click-to-WhatsApp ad referral and keeps it raw', () => {
    expect(parseSingleMessage('text-referral').referral).toEqual({
      sourceUrl: 'https://fb.me/3cr4Wqqkv',
      sourceId: '120226305854810726',
      sourceType: 'ad',
      headline: 'New: Mesh Router X2',
      body: 'Mesh Wi-Fi for every room. Setup in 5 minutes.',
      mediaType: 'image',
      ctwaClid: expect.stringMatching(/^ARAk/),
      raw: expect.objectContaining({ welcome_message: { text: 'Hi! How can we help with the X2?' } }),
    });
  });
});
