import { z } from 'zod';

const base64 = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64')
  .transform((value) => Buffer.from(value, 'base64'));
/** `type/subtype` with optional parameters, e.g. Chromium's voice notes: `audio/webm;codecs=opus`. */
const mimeType = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=("[^"]*"|[\w.+-]+))*$/, 'must be a MIME type');
const wamid = z.string().min(1).max(512);
const replyFields = { replyTo: wamid.optional(), forwarded: z.boolean().optional() };

/** What the demo customer phone can send, one variant per WhatsApp message type. */
export const CustomerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), body: z.string().min(1).max(65_536), ...replyFields }),
  z.object({
    type: z.literal('image'),
    data: base64,
    mimeType,
    caption: z.string().max(1024).optional(),
    ...replyFields,
  }),
  z.object({
    type: z.literal('video'),
    data: base64,
    mimeType,
    caption: z.string().max(1024).optional(),
    ...replyFields,
  }),
  z.object({ type: z.literal('audio'), data: base64, mimeType, voice: z.boolean().optional() }),
  z.object({
    type: z.literal('document'),
    data: base64,
    mimeType,
    filename: z.string().min(1).max(240),
    caption: z.string().max(1024).optional(),
    ...replyFields,
  }),
  z.object({ type: z.literal('sticker'), data: base64, mimeType, animated: z.boolean().optional() }),
  z.object({
    type: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().max(1000).optional(),
    address: z.string().max(1000).optional(),
  }),
  z.object({
    type: z.literal('contacts'),
    contacts: z.array(z.record(z.string(), z.unknown())).min(1).max(20),
  }),
  z.object({
    type: z.literal('button_reply'),
    replyTo: wamid,
    id: z.string().min(1).max(256),
    title: z.string().min(1).max(20),
  }),
  z.object({
    type: z.literal('list_reply'),
    replyTo: wamid,
    id: z.string().min(1).max(200),
    title: z.string().min(1).max(24),
    description: z.string().max(72).optional(),
  }),
  z.object({
    type: z.literal('button'),
    replyTo: wamid,
    payload: z.string().min(1).max(1000),
    text: z.string().min(1).max(100),
  }),
  z.object({ type: z.literal('reaction'), wamid, emoji: z.string().min(1).max(16).optional() }),
  z.object({
    type: z.literal('order'),
    catalogId: z.string().min(1),
    text: z.string().max(1000).optional(),
    items: z
      .array(
        z.object({
          productRetailerId: z.string().min(1),
          quantity: z.number().int().positive(),
          itemPrice: z.number().nonnegative(),
          currency: z.string().length(3),
        }),
      )
      .min(1),
  }),
  z.object({ type: z.literal('unsupported'), kind: z.string().min(1).max(64) }),
]);
export type CustomerMessage = z.infer<typeof CustomerMessageSchema>;

/** Optional profile fields that create or update the customer on first contact. */
export const CustomerProfileQuerySchema = z.object({
  name: z.string().min(1).max(200).optional(),
  username: z.string().min(1).max(100).optional(),
});

/** Creates (or renames) a customer before they write, e.g. from the demo phone page. */
export const CustomerCreateSchema = z
  .object({
    waId: z
      .string()
      .regex(/^\+?[\d\s()-]{5,20}$/, 'must be a phone number')
      .optional(),
    userId: z
      .string()
      .regex(/^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/, 'must be a BSUID')
      .optional(),
    name: z.string().trim().min(1).max(200).optional(),
    username: z.string().min(1).max(100).optional(),
  })
  .refine((value) => value.waId !== undefined || value.userId !== undefined, {
    message: 'give waId or userId',
    path: ['waId'],
  });

/** `:id` is a phone number (wa_id) or a BSUID such as `US.13491208655302741918`. */
export const CustomerIdSchema = z
  .string()
  .regex(/^(\+?[\d\s()-]{5,20}|[A-Z]{2}\.[A-Za-z0-9]{1,128})$/, 'must be a phone number or a BSUID');
