/** Answers of the Graph endpoints we call (only the fields we use; everything else is allowed). */
import { z } from 'zod';
import { LooseNumberSchema } from './webhook.schemas.ts';

export const SendResponseSchema = z.looseObject({
  contacts: z.array(z.looseObject({ input: z.string().optional(), wa_id: z.string().optional() })).optional(),
  messages: z
    .array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() }))
    .min(1, 'expected messages[0].id'),
});

export const SuccessResponseSchema = z.looseObject({ success: z.boolean().optional() });

export const MediaInfoResponseSchema = z.looseObject({
  id: z.string().optional(),
  url: z.string().min(1),
  mime_type: z.string(),
  sha256: z.string().optional(),
  file_size: LooseNumberSchema.optional(),
});

export const UploadResponseSchema = z.looseObject({ id: z.string().min(1) });

const TemplateComponentInfoSchema = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z
    .array(z.looseObject({ type: z.string(), text: z.string().optional(), url: z.string().optional() }))
    .optional(),
});

export const TemplatePageSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string().optional(),
      parameter_format: z.string().optional(),
      components: z.array(TemplateComponentInfoSchema).optional(),
    }),
  ),
  paging: z.looseObject({ next: z.string().optional() }).optional(),
});
