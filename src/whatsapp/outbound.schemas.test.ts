import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/index.ts';
import { buildMessageBody } from './outbound.body.ts';
import { type OutboundPayload, validateOutboundPayload } from './outbound.schemas.ts';

const to = '16505551234';
const buttons = (titles: string[]) => titles.map((title, i) => ({ id: `b${i}`, title }));
const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));

function catchError(payload: unknown): AppError {
  try {
    validateOutboundPayload(payload);
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected validateOutboundPayload to throw');
}

describe('validateOutboundPayload: limits checked before calling Meta', () => {
  it.each<[string, unknown, string, number | undefined]>([
    ['text body over 4096', { kind: 'text', to, body: 'a'.repeat(4097) }, 'body', 4096],
    ['empty text body', { kind: 'text', to, body: '' }, 'body', undefined],
    [
      'caption over 1024',
      { kind: 'media', to, mediaKind: 'image', media: { id: '1' }, caption: 'c'.repeat(1025) },
      'caption',
      1024,
    ],
    [
      '4 buttons',
      { kind: 'buttons', to, body: 'Rate us', buttons: buttons(['1', '2', '3', '4']) },
      'buttons',
      3,
    ],
    [
      'button title over 20',
      { kind: 'buttons', to, body: 'Rate us', buttons: buttons(['ok', 'x'.repeat(21)]) },
      'buttons[1].title',
      20,
    ],
    [
      'duplicate button titles',
      { kind: 'buttons', to, body: 'Rate', buttons: buttons(['Yes', 'Yes']) },
      'buttons',
      undefined,
    ],
    [
      '11 list rows',
      {
        kind: 'list',
        to,
        body: 'Pick',
        buttonLabel: 'Topics',
        sections: [
          { title: 'A', rows: rows(6) },
          { title: 'B', rows: rows(5) },
        ],
      },
      'sections',
      undefined,
    ],
    [
      'row title over 24',
      {
        kind: 'list',
        to,
        body: 'Pick',
        buttonLabel: 'Topics',
        sections: [{ rows: [{ id: 'r', title: 't'.repeat(25) }] }],
      },
      'sections[0].rows[0].title',
      24,
    ],
    [
      'row description over 72',
      {
        kind: 'list',
        to,
        body: 'Pick',
        buttonLabel: 'Topics',
        sections: [{ rows: [{ id: 'r', title: 'Billing', description: 'd'.repeat(73) }] }],
      },
      'sections[0].rows[0].description',
      72,
    ],
    ['bad phone', { kind: 'text', to: 'call me', body: 'hi' }, 'to', undefined],
    [
      'caption on audio',
      { kind: 'media', to, mediaKind: 'audio', media: { id: '1' }, caption: 'hi' },
      'caption',
      undefined,
    ],
    [
      'media by ftp link',
      { kind: 'media', to, mediaKind: 'image', media: { link: 'ftp://x/y.jpg' } },
      'media.link',
      undefined,
    ],
    [
      'callback data over 512',
      { kind: 'text', to, body: 'hi', bizOpaqueCallbackData: 'x'.repeat(513) },
      'bizOpaqueCallbackData',
      512,
    ],
    ['unknown kind', { kind: 'poll', to }, 'kind', undefined],
  ])('%s → invalid_input naming %s', (_label, payload, field, limit) => {
    const error = catchError(payload);
    expect(error.kind).toBe('invalid_input');
    expect(error.reason).toBe('whatsapp.invalid_outbound');
    expect(error.details).toEqual({ field, limit });
    expect(error.message.startsWith(`${field} `)).toBe(true);
    if (limit !== undefined) {
      expect(error.message).toContain(`at most ${limit}`);
    }
  });

  it.each(['+1 (650) 555-1234', '16505551234', '+16505551234', '1 650 555 1234'])(
    'sends %s as +16505551234',
    (phone) => {
      expect(validateOutboundPayload({ kind: 'text', to: phone, body: 'hi' }).to).toBe('+16505551234');
    },
  );

  it('accepts exactly the limits', () => {
    expect(() =>
      validateOutboundPayload({
        kind: 'list',
        to,
        body: 'b'.repeat(4096),
        buttonLabel: 'l'.repeat(20),
        sections: [
          {
            title: 's'.repeat(24),
            rows: [{ id: 'i'.repeat(200), title: 't'.repeat(24), description: 'd'.repeat(72) }],
          },
        ],
      }),
    ).not.toThrow();
    expect(() =>
      validateOutboundPayload({
        kind: 'buttons',
        to,
        body: 'x',
        buttons: buttons(['a'.repeat(20), 'b', 'c']),
      }),
    ).not.toThrow();
  });
});

describe('buildMessageBody', () => {
  const common = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+16505551234' };

  it.each<[string, OutboundPayload, Record<string, unknown>]>([
    [
      'text with context and callback data',
      {
        kind: 'text',
        to,
        body: 'See https://x.example',
        previewUrl: true,
        contextWamid: 'wamid.Q',
        bizOpaqueCallbackData: 'ticket=T1',
      },
      {
        ...common,
        type: 'text',
        text: { body: 'See https://x.example', preview_url: true },
        context: { message_id: 'wamid.Q' },
        biz_opaque_callback_data: 'ticket=T1',
      },
    ],
    [
      'template',
      {
        kind: 'template',
        to,
        name: 'csat_survey_v2',
        languageCode: 'en_US',
        components: [
          { type: 'header', parameters: [{ type: 'image', media: { id: 'MEDIA' } }] },
          { type: 'body', parameters: [{ type: 'text', text: 'Sheena', parameterName: 'first_name' }] },
          {
            type: 'button',
            subType: 'quick_reply',
            index: 0,
            parameters: [{ type: 'payload', payload: 'csat:T1:5' }],
          },
        ],
      },
      {
        ...common,
        type: 'template',
        template: {
          name: 'csat_survey_v2',
          language: { code: 'en_US' },
          components: [
            { type: 'header', parameters: [{ type: 'image', image: { id: 'MEDIA' } }] },
            { type: 'body', parameters: [{ type: 'text', text: 'Sheena', parameter_name: 'first_name' }] },
            {
              type: 'button',
              sub_type: 'quick_reply',
              index: '0',
              parameters: [{ type: 'payload', payload: 'csat:T1:5' }],
            },
          ],
        },
      },
    ],
    [
      'reply buttons',
      {
        kind: 'buttons',
        to,
        body: 'How did we do?',
        footer: 'Sightline',
        buttons: buttons(['Great', 'Bad']),
      },
      {
        ...common,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'How did we do?' },
          footer: { text: 'Sightline' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'b0', title: 'Great' } },
              { type: 'reply', reply: { id: 'b1', title: 'Bad' } },
            ],
          },
        },
      },
    ],
    [
      'list',
      {
        kind: 'list',
        to,
        header: 'Help',
        body: 'Pick a topic',
        buttonLabel: 'Topics',
        sections: [{ rows: rows(1) }],
      },
      {
        ...common,
        type: 'interactive',
        interactive: {
          type: 'list',
          header: { type: 'text', text: 'Help' },
          body: { text: 'Pick a topic' },
          action: { button: 'Topics', sections: [{ rows: [{ id: 'r0', title: 'Row 0' }] }] },
        },
      },
    ],
    [
      'document by link',
      {
        kind: 'media',
        to,
        mediaKind: 'document',
        media: { link: 'https://cdn.example/invoice.pdf' },
        filename: 'Factura nº 12.pdf',
        caption: 'Invoice',
      },
      {
        ...common,
        type: 'document',
        document: {
          link: 'https://cdn.example/invoice.pdf',
          caption: 'Invoice',
          filename: 'Factura nº 12.pdf',
        },
      },
    ],
    [
      'reaction',
      { kind: 'reaction', to, targetWamid: 'wamid.IN', emoji: '👍' },
      { ...common, type: 'reaction', reaction: { message_id: 'wamid.IN', emoji: '👍' } },
    ],
    [
      'location',
      { kind: 'location', to, latitude: 48.8584, longitude: 2.2945, name: 'Tour Eiffel' },
      {
        ...common,
        type: 'location',
        location: { latitude: 48.8584, longitude: 2.2945, name: 'Tour Eiffel' },
      },
    ],
  ])('%s', (_label, payload, expected) => {
    const body = buildMessageBody(validateOutboundPayload(payload));
    // JSON drops undefined keys, exactly as they go over the wire.
    expect(JSON.parse(JSON.stringify(body))).toEqual(expected);
  });
});
