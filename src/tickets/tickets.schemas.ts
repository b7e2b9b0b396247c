import { z } from 'zod';
import { TICKET_SORTS, TICKET_VIEWS } from './tickets.query.ts';
import { PRIORITIES, TICKET_STATUSES } from './tickets.types.ts';

const csvOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `must be one or more of: ${values.join(', ')}` })));

export const TicketListQuery = z.object({
  view: z.enum(TICKET_VIEWS).optional(),
  status: csvOf(TICKET_STATUSES).optional(),
  priority: csvOf(PRIORITIES).optional(),
  assigneeId: z.string().min(1).optional().describe('A user id, "me", or "none" for unassigned'),
  teamId: z.string().min(1).optional(),
  tag: z.string().min(1).max(64).optional(),
  language: z.string().min(2).max(8).optional(),
  contactId: z.string().min(1).optional(),
  q: z.string().max(200, 'must be at most 200 characters').optional(),
  updatedSince: z.coerce.number().int().nonnegative().optional().describe('Epoch milliseconds'),
  sort: z.enum(TICKET_SORTS).default('last_activity'),
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  cursor: z.string().max(500).optional(),
});

export const TicketPatchBody = z
  .strictObject({
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    assigneeId: z.string().min(1).nullable().optional(),
    teamId: z.string().min(1).nullable().optional(),
    tags: z
      .array(z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'))
      .max(50, 'at most 50 tags')
      .optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'give at least one of status, priority, assigneeId, teamId, tags',
  });

const IdempotencyKey = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters')
  .optional();

const TemplateValues = z.record(
  z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'must be a placeholder name such as 1 or order_id'),
  z.string().max(1024, 'must be at most 1024 characters'),
);

export const ReplyBody = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('text'),
      text: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(4096, 'must be at most 4096 characters (WhatsApp’s limit)'),
      idempotencyKey: IdempotencyKey,
    }),
    z.strictObject({
      type: z.literal('media'),
      mediaId: z.string().min(1, 'must not be empty').max(64).describe('An upload from POST /api/v1/media'),
      caption: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(1024, 'must be at most 1024 characters (WhatsApp’s limit)')
        .optional(),
      idempotencyKey: IdempotencyKey,
    }),
    z.strictObject({
      type: z.literal('template'),
      name: z.string().min(1, 'must not be empty').max(512),
      language: z.string().min(2, 'must be a language code such as en_US').max(16),
      parameters: z
        .strictObject({ header: TemplateValues.optional(), body: TemplateValues.optional() })
        .default({}),
      idempotencyKey: IdempotencyKey,
    }),
    z.strictObject({
      type: z.literal('choices'),
      style: z.enum(['buttons', 'list']),
      header: z.string().optional(),
      body: z.string(),
      footer: z.string().optional(),
      buttons: z.array(z.strictObject({ id: z.string(), title: z.string() })).optional(),
      buttonLabel: z.string().optional(),
      sections: z
        .array(
          z.strictObject({
            title: z.string().optional(),
            rows: z.array(
              z.strictObject({ id: z.string(), title: z.string(), description: z.string().optional() }),
            ),
          }),
        )
        .optional(),
      idempotencyKey: IdempotencyKey,
    }),
  ],
  { error: 'type must be "text", "media", "template" or "choices"' },
);

export const NoteBody = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(20_000, 'must be at most 20000 characters'),
});

export const MessagesQuery = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500, 'must be at most 500').default(100),
});
