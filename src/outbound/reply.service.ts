import type { Kysely } from 'kysely';
import type { EventBus } from '../events/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { AppError, type Clock, newId } from '../kernel/index.ts';
import type { Database, Db } from '../store/index.ts';
import type { PreparedTemplate, TemplateValues } from '../templates/index.ts';
import {
  type Actor,
  insertMessage,
  type MediaViewLoader,
  type MessageView,
  previewOf,
  statusAfterReply,
  type TicketService,
  toMessageViews,
} from '../tickets/index.ts';
import { validateOutboundPayload } from '../whatsapp/index.ts';
import { sendMessageJob } from './send.job.ts';

export interface TextReply {
  type: 'text';
  text: string;
  idempotencyKey: string | undefined;
}

export interface MediaReply {
  type: 'media';
  /** An upload from `POST /api/v1/media`. */
  mediaId: string;
  caption: string | undefined;
  idempotencyKey: string | undefined;
}

/** An approved template: the only message WhatsApp delivers once the 24-hour window has closed. */
export interface TemplateReply {
  type: 'template';
  name: string;
  language: string;
  parameters: TemplateValues;
  idempotencyKey?: string | undefined;
}

/** A question with reply buttons (up to 3) or a list (up to 10 rows), sent by the bot or by rules. */
export type ChoicesReply = {
  type: 'choices';
  idempotencyKey?: string | undefined;
  header?: string | undefined;
  body: string;
  footer?: string | undefined;
} & (
  | { style: 'buttons'; buttons: { id: string; title: string }[] }
  | {
      style: 'list';
      buttonLabel: string;
      sections: {
        title?: string | undefined;
        rows: { id: string; title: string; description?: string | undefined }[];
      }[];
    }
);

export type Reply = TextReply | MediaReply | TemplateReply | ChoicesReply;

/** What replies need from the templates module (injected at the composition root). */
export interface ReplyTemplates {
  prepare(name: string, language: string, values: TemplateValues): Promise<PreparedTemplate>;
}

// Choices are checked against Meta's limits when stored; the recipient is only filled in when sent.
const RECIPIENT_FOR_CHECKS = '+10000000000';

/** What replies need from the media module (injected at the composition root). */
export interface ReplyAttachments {
  describeForReply(
    mediaId: string,
  ): Promise<{ id: string; kind: string; mimeType: string; filename: string }>;
  attachToMessage(db: Db, mediaId: string, messageId: string, ticketId: string): Promise<void>;
}

const CAPTIONED = new Set(['image', 'video', 'document']);

/**
 * An agent's reply: stored as an outbound message and handed to the send job in one transaction,
 * so it is sent exactly when it is stored. The same idempotency key twice returns the first message.
 */
export function createReplyService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  queue: JobQueue;
  tickets: TicketService;
  attachments?: ReplyAttachments;
  templates?: ReplyTemplates;
  loadMedia?: MediaViewLoader;
  /** Runs in the reply's transaction (SLA timers stop on a response). */
  onReplied?: (db: Db, ticketId: string, authorType: Actor['type']) => Promise<void>;
}) {
  const { db, clock, events, queue, tickets } = deps;

  async function findByIdempotencyKey(key: string): Promise<MessageView | undefined> {
    const row = await db
      .selectFrom('messages')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row ? (await toMessageViews(db, [row], deps.loadMedia))[0] : undefined;
  }

  /** The stored shape of a reply: type, body (text or caption) and content. */
  async function describeReply(
    input: Reply,
  ): Promise<{ type: string; body: string | null; content: Record<string, unknown> }> {
    if (input.type === 'text') {
      return { type: 'text', body: input.text, content: { kind: 'text', body: input.text } };
    }
    if (input.type === 'template') {
      if (!deps.templates) {
        throw new AppError(
          'unprocessable',
          'template.unavailable',
          'Templates are not available on this server.',
        );
      }
      const prepared = await deps.templates.prepare(input.name, input.language, input.parameters);
      const content = {
        kind: 'template',
        name: input.name,
        languageCode: input.language,
        components: prepared.components,
        body: prepared.text,
      };
      return { type: 'template', body: prepared.text, content };
    }
    if (input.type === 'choices') {
      const { type: _type, idempotencyKey: _key, style, ...choices } = input;
      validateOutboundPayload({ kind: style, to: RECIPIENT_FOR_CHECKS, ...choices });
      return { type: 'interactive', body: input.body, content: { kind: 'choices', style, ...choices } };
    }
    if (!deps.attachments) {
      throw new AppError(
        'unprocessable',
        'media.unavailable',
        'Attachments are not available on this server.',
      );
    }
    const media = await deps.attachments.describeForReply(input.mediaId);
    if (input.caption !== undefined && !CAPTIONED.has(media.kind)) {
      throw new AppError(
        'invalid_input',
        'media.caption_not_allowed',
        `WhatsApp does not show captions on ${media.kind} messages.`,
      );
    }
    const content = {
      kind: 'media',
      mediaKind: media.kind,
      attachmentId: media.id,
      mimeType: media.mimeType,
      caption: input.caption,
      filename: media.kind === 'document' ? media.filename : undefined,
    };
    return { type: media.kind, body: input.caption ?? null, content };
  }

  async function reply(
    ticketId: string,
    input: Reply,
    actor: Actor,
  ): Promise<{ message: MessageView; created: boolean }> {
    if (input.idempotencyKey) {
      const existing = await findByIdempotencyKey(input.idempotencyKey);
      if (existing) {
        if (existing.ticketId !== ticketId) {
          throw new AppError(
            'conflict',
            'message.idempotency_key_reused',
            'This idempotency key was already used for another ticket.',
          );
        }
        return { message: existing, created: false };
      }
    }
    const ticket = await tickets.getTicket(ticketId);
    if (ticket.status === 'closed') {
      throw new AppError(
        'conflict',
        'ticket.closed',
        'This ticket is closed; the customer’s next message opens a new one.',
      );
    }
    const window = await tickets.getWindow(ticket);
    if (!window.open && input.type !== 'template') {
      throw new AppError(
        'conflict',
        'whatsapp.window_closed',
        'The customer last wrote more than 24 hours ago, so WhatsApp only allows an approved template message now.',
        { details: { windowExpiredAt: window.expiresAt } },
      );
    }
    const stored = await describeReply(input);
    const now = clock.now();
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await insertMessage(trx, {
        id,
        ticketId,
        contactId: ticket.contactId,
        channelId: ticket.channelId,
        direction: 'outbound',
        authorType: actor.type,
        authorId: actor.id,
        wamid: null,
        type: stored.type,
        body: stored.body,
        content: stored.content,
        contextWamid: null,
        forwarded: false,
        frequentlyForwarded: false,
        referral: null,
        status: 'queued',
        idempotencyKey: input.idempotencyKey ?? null,
        customerTimestamp: null,
        createdAt: now,
      });
      const status = statusAfterReply(ticket.status, actor.type);
      await trx
        .updateTable('tickets')
        .set((eb) => ({
          status,
          solved_at: status === ticket.status ? eb.ref('solved_at') : null,
          updated_at: now,
          last_outbound_at: now,
          last_message_at: now,
          last_message_preview: previewOf(stored.type, stored.body),
          first_response_at:
            actor.type === 'agent'
              ? eb.fn.coalesce('first_response_at', eb.val(now))
              : eb.ref('first_response_at'),
        }))
        .where('id', '=', ticketId)
        .execute();
      if (input.type === 'media') {
        await deps.attachments!.attachToMessage(trx, input.mediaId, id, ticketId);
      }
      await queue.enqueue(sendMessageJob, { messageId: id }, { db: trx, dedupeKey: `send:${id}` });
      await deps.onReplied?.(trx, ticketId, actor.type);
    });
    await events.publish([
      { type: 'message.created', ticketId, messageId: id },
      { type: 'ticket.updated', ticketId },
    ]);
    const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { message: (await toMessageViews(db, [row], deps.loadMedia))[0]!, created: true };
  }

  return { reply };
}

export type ReplyService = ReturnType<typeof createReplyService>;
