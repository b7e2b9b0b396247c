/**
 * What Sightline sends through `POST /{phone-number-id}/messages`, with Meta's limits checked before
 * the call (whatsapp-cloud-api.md §7, §11.5), so an agent sees "title must be at most 20 characters"
 * instead of a Graph error 100. Lengths count UTF-16 code units: never looser than Meta's count.
 */
import { z } from 'zod';
import { invalidInput } from '../kernel/index.ts';
import { formatJsonPath } from './webhook.errors.ts';

function limitedText(max: number) {
  return z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

/** Accepts `+1 (650) 555-1234`, `16505551234`…; always sends `+<digits>` (without `+`, Meta would
 * prepend the business number's country code). */
export const RecipientPhoneSchema = z
  .string()
  .transform((value) => value.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+?\d{6,15}$/, 'must be a phone number in international format'))
  .transform((digits) => (digits.startsWith('+') ? digits : `+${digits}`));

const CommonFields = {
  to: RecipientPhoneSchema,
  /** Quote this message (reply bubble). */
  contextWamid: z.string().min(1).optional(),
  /** Echoed back on status webhooks; Sightline puts the ticket id here. */
  bizOpaqueCallbackData: limitedText(512).optional(),
};

export const MediaSourceSchema = z.union([
  z.strictObject({ id: z.string().min(1, 'must not be empty') }),
  z.strictObject({ link: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }) }),
]);

const TemplateParameterSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z.string().min(1, 'must not be empty'),
    parameterName: z.string().optional(),
  }),
  z.object({ type: z.literal('payload'), payload: limitedText(256) }),
  z.object({
    type: z.enum(['image', 'video', 'document']),
    media: MediaSourceSchema,
    filename: z.string().optional(),
  }),
  z.object({
    type: z.literal('currency'),
    fallbackValue: z.string(),
    code: z.string().length(3),
    amount1000: z.int(),
    parameterName: z.string().optional(),
  }),
  z.object({ type: z.literal('date_time'), fallbackValue: z.string(), parameterName: z.string().optional() }),
]);

const TemplateComponentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['header', 'body']), parameters: z.array(TemplateParameterSchema) }),
  z.object({
    type: z.literal('button'),
    subType: z.string().min(1),
    index: z.int().min(0).max(9),
    parameters: z.array(TemplateParameterSchema),
  }),
]);

const ButtonRowSchema = z.object({ id: limitedText(256), title: limitedText(20) });
const ListRowSchema = z.object({
  id: limitedText(200),
  title: limitedText(24),
  description: limitedText(72).optional(),
});

function findDuplicate(values: string[]): string | undefined {
  return values.find((value, index) => values.indexOf(value) !== index);
}

const TextPayloadSchema = z.object({
  ...CommonFields,
  kind: z.literal('text'),
  body: limitedText(4096),
  previewUrl: z.boolean().optional(),
});

const TemplatePayloadSchema = z.object({
  ...CommonFields,
  kind: z.literal('template'),
  name: limitedText(512),
  languageCode: z.string().min(2, 'must be a language code such as en_US'),
  components: z.array(TemplateComponentSchema).optional(),
});

const ButtonsPayloadSchema = z
  .object({
    ...CommonFields,
    kind: z.literal('buttons'),
    header: limitedText(60).optional(),
    body: limitedText(1024),
    footer: limitedText(60).optional(),
    buttons: z
      .array(ButtonRowSchema)
      .min(1, 'must have at least 1 button')
      .max(3, 'must have at most 3 buttons'),
  })
  .superRefine((payload, ctx) => {
    const duplicate = findDuplicate(payload.buttons.map((button) => button.title));
    if (duplicate !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['buttons'],
        message: `titles must be unique ("${duplicate}" repeats)`,
      });
    }
    if (findDuplicate(payload.buttons.map((button) => button.id)) !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['buttons'], message: 'ids must be unique' });
    }
  });

const ListPayloadSchema = z
  .object({
    ...CommonFields,
    kind: z.literal('list'),
    header: limitedText(60).optional(),
    body: limitedText(4096),
    footer: limitedText(60).optional(),
    buttonLabel: limitedText(20),
    sections: z
      .array(
        z.object({
          title: limitedText(24).optional(),
          rows: z.array(ListRowSchema).min(1, 'must have a row'),
        }),
      )
      .min(1, 'must have at least 1 section')
      .max(10, 'must have at most 10 sections'),
  })
  .superRefine((payload, ctx) => {
    const rows = payload.sections.flatMap((section) => section.rows);
    if (rows.length > 10) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'must have at most 10 rows in total' });
    }
    if (findDuplicate(rows.map((row) => row.id)) !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'row ids must be unique' });
    }
    for (const [index, section] of payload.sections.entries()) {
      if (payload.sections.length > 1 && section.title === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', index, 'title'],
          message: 'is required with several sections',
        });
      }
    }
  });

const MediaPayloadSchema = z
  .object({
    ...CommonFields,
    kind: z.literal('media'),
    mediaKind: z.enum(['image', 'video', 'audio', 'document', 'sticker']),
    media: MediaSourceSchema,
    caption: limitedText(1024).optional(),
    filename: limitedText(240).optional(),
  })
  .superRefine((payload, ctx) => {
    if (payload.caption !== undefined && !['image', 'video', 'document'].includes(payload.mediaKind)) {
      ctx.addIssue({ code: 'custom', path: ['caption'], message: `is not allowed on ${payload.mediaKind}` });
    }
    if (payload.filename !== undefined && payload.mediaKind !== 'document') {
      ctx.addIssue({ code: 'custom', path: ['filename'], message: 'is only allowed on documents' });
    }
  });

const ReactionPayloadSchema = z
  .object({
    ...CommonFields,
    kind: z.literal('reaction'),
    targetWamid: z.string().min(1, 'must not be empty'),
    /** An empty string removes our reaction. */
    emoji: z.string().max(16, 'must be a single emoji'),
  })
  .superRefine((payload, ctx) => {
    if (payload.contextWamid !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['contextWamid'], message: 'is not allowed on a reaction' });
    }
  });

const LocationPayloadSchema = z.object({
  ...CommonFields,
  kind: z.literal('location'),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: limitedText(1000).optional(),
  address: limitedText(1000).optional(),
});

export const OutboundPayloadSchema = z.discriminatedUnion('kind', [
  TextPayloadSchema,
  TemplatePayloadSchema,
  ButtonsPayloadSchema,
  ListPayloadSchema,
  MediaPayloadSchema,
  ReactionPayloadSchema,
  LocationPayloadSchema,
]);

/** What callers pass to `sendMessage`. */
export type OutboundPayload = z.input<typeof OutboundPayloadSchema>;
/** The same after validation (`to` normalised to `+<digits>`). */
export type ValidOutboundPayload = z.output<typeof OutboundPayloadSchema>;
export type TemplateComponent = z.input<typeof TemplateComponentSchema>;
export type TemplateParameter = z.input<typeof TemplateParameterSchema>;
export type MediaSource = z.input<typeof MediaSourceSchema>;

/**
 * Checks Meta's limits before anything is sent. Throws `invalid_input` / `whatsapp.invalid_outbound`
 * whose message names the field and the limit, e.g. `buttons[0].title must be at most 20 characters`.
 */
export function validateOutboundPayload(payload: unknown): ValidOutboundPayload {
  const result = OutboundPayloadSchema.safeParse(payload);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const field = formatJsonPath(issue?.path ?? []);
  const limit = issue?.code === 'too_big' ? Number(issue.maximum) : undefined;
  const problem = issue?.message ?? 'is invalid';
  throw invalidInput('whatsapp.invalid_outbound', `${field} ${problem}.`, { field, limit });
}
