import { z } from 'zod';

/** Zod schemas of Graph `POST /{phone-number-id}/messages` bodies, with Meta's documented limits. */

export const OUTBOUND_TYPES = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'reaction',
  'template',
] as const;
export type OutboundType = (typeof OUTBOUND_TYPES)[number];

const oneOfIdOrLink = (value: { id?: unknown; link?: unknown }) =>
  (value.id === undefined) !== (value.link === undefined);
const ID_OR_LINK = { message: 'Provide exactly one of id or link', params: { code: 131008 } };

const mediaObject = (options: { hasCaption: boolean }) =>
  z
    .looseObject({
      id: z.string().min(1).optional(),
      link: z.url().optional(),
      caption: z.string().max(1024).optional(),
      filename: z.string().max(240).optional(),
      voice: z.boolean().optional(),
    })
    .refine(oneOfIdOrLink, ID_OR_LINK)
    .refine((value) => options.hasCaption || value.caption === undefined, {
      message: 'is not supported for this media type',
      path: ['caption'],
      params: { code: 100 },
    });

const header = z.looseObject({
  type: z.enum(['text', 'image', 'video', 'document']),
  text: z.string().min(1).max(60).optional(),
});
const footer = z.looseObject({ text: z.string().min(1).max(60) });

const ButtonsInteractive = z.looseObject({
  type: z.literal('button'),
  header: header.optional(),
  body: z.looseObject({ text: z.string().min(1).max(1024) }),
  footer: footer.optional(),
  action: z.looseObject({
    buttons: z
      .array(
        z.looseObject({
          type: z.literal('reply'),
          reply: z.looseObject({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
        }),
      )
      .min(1)
      .max(3)
      .refine((buttons) => new Set(buttons.map((b) => b.reply.title)).size === buttons.length, {
        message: 'Button titles must be unique',
      }),
  }),
});

const ListInteractive = z.looseObject({
  type: z.literal('list'),
  header: z.looseObject({ type: z.literal('text'), text: z.string().min(1).max(60) }).optional(),
  body: z.looseObject({ text: z.string().min(1).max(4096) }),
  footer: footer.optional(),
  action: z.looseObject({
    button: z.string().min(1).max(20),
    sections: z
      .array(
        z.looseObject({
          title: z.string().min(1).max(24).optional(),
          rows: z
            .array(
              z.looseObject({
                id: z.string().min(1).max(200),
                title: z.string().min(1).max(24),
                description: z.string().max(72).optional(),
              }),
            )
            .min(1)
            .max(10),
        }),
      )
      .min(1)
      .max(10)
      .refine((sections) => sections.reduce((total, s) => total + s.rows.length, 0) <= 10, {
        message: 'A list can have at most 10 rows in total',
      })
      .refine((sections) => sections.length === 1 || sections.every((s) => s.title !== undefined), {
        message: 'Every section needs a title when there is more than one',
      }),
  }),
});

/** Interactive types the simulator accepts without deep checks (cta_url, flow, product…). */
const OtherInteractive = z.looseObject({
  type: z.enum([
    'cta_url',
    'flow',
    'product',
    'product_list',
    'catalog_message',
    'location_request_message',
    'address_message',
  ]),
  body: z.looseObject({ text: z.string().min(1).max(1024) }).optional(),
});

export const TYPE_SCHEMAS: Record<OutboundType, z.ZodType> = {
  text: z.looseObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
  image: mediaObject({ hasCaption: true }),
  video: mediaObject({ hasCaption: true }),
  document: mediaObject({ hasCaption: true }),
  audio: mediaObject({ hasCaption: false }),
  sticker: mediaObject({ hasCaption: false }),
  location: z.looseObject({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().min(1) }) })).min(1),
  /** `button` and `list` are dispatched to INTERACTIVE_SCHEMAS first (clearer errors than a union). */
  interactive: OtherInteractive,
  reaction: z.looseObject({ message_id: z.string().min(1), emoji: z.string() }),
  template: z.looseObject({
    name: z.string().min(1).max(512),
    language: z.looseObject({ code: z.string().min(1), policy: z.literal('deterministic').optional() }),
    components: z.array(z.looseObject({ type: z.string() })).optional(),
  }),
};

export const INTERACTIVE_SCHEMAS = { button: ButtonsInteractive, list: ListInteractive } as const;

export const SendEnvelopeSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z.string().min(1),
  type: z.enum(OUTBOUND_TYPES).default('text'),
  context: z.looseObject({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
});
export type SendEnvelope = z.infer<typeof SendEnvelopeSchema>;

export const ReadReceiptSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.looseObject({ type: z.literal('text') }).optional(),
});
