import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { EventBus } from '../events/index.ts';
import { defineJobSpec, type JobDefinition, PermanentJobError } from '../jobs/index.ts';
import { type Clock, isAppError } from '../kernel/index.ts';
import { type Database, type Dialect, lockKeys, readJson } from '../store/index.ts';
import {
  GraphApiError,
  type OutboundPayload,
  type TemplateComponent,
  type WhatsAppClient,
} from '../whatsapp/index.ts';
import { applyRecordedStatuses } from './delivery-status.ts';

export const SendMessagePayload = z.object({ messageId: z.string().min(1) });

export interface SendJobDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  events: EventBus;
  whatsapp: WhatsAppClient;
  onSendFailure?: (reason: string) => void;
  /** Uploads an attachment to the Graph API once and returns its Graph media id. */
  uploadAttachment?: (attachmentId: string) => Promise<{ graphMediaId: string }>;
}

interface StoredContent {
  kind: string;
  body?: string;
  /** template */
  name?: string;
  languageCode?: string;
  components?: TemplateComponent[];
  /** choices: the interactive message as validated when stored (buttons or list). */
  style?: 'buttons' | 'list';
  mediaKind?: 'image' | 'video' | 'audio' | 'document' | 'sticker';
  attachmentId?: string;
  caption?: string;
  filename?: string;
}

const SEND_RETRY = { attempts: 6, baseDelayMs: 2_000, maxDelayMs: 5 * 60_000 };

export const sendMessageJob = defineJobSpec({
  name: 'whatsapp.send',
  schema: SendMessagePayload,
  retry: SEND_RETRY,
});

/**
 * Sends one outbound message through the Graph API. Idempotent: a message that already has its wamid
 * is not sent again. Permanent Graph errors (window closed, undeliverable…) fail the message at once;
 * transient ones (5xx, 429, network) retry with backoff and jitter, then fail it with the last reason.
 */
export function createSendJob(deps: SendJobDeps): JobDefinition<z.infer<typeof SendMessagePayload>> {
  return {
    ...sendMessageJob,
    handler: async ({ messageId }, context) => {
      const message = await deps.db
        .selectFrom('messages')
        .innerJoin('contacts', 'contacts.id', 'messages.contact_id')
        .select([
          'messages.id',
          'messages.ticket_id',
          'messages.status',
          'messages.wamid',
          'messages.content',
          'contacts.wa_id',
        ])
        .where('messages.id', '=', messageId)
        .executeTakeFirst();
      if (!message || message.wamid !== null || message.status !== 'queued') {
        return;
      }
      if (!message.wa_id) {
        await markFailed(
          deps,
          message,
          'contact.no_phone',
          'This customer has no phone number on record (username only); WhatsApp needs one to deliver a reply.',
          null,
        );
        throw new PermanentJobError('contact has no phone number');
      }
      try {
        const payload = await toPayload(
          deps,
          readJson<StoredContent>(message.content),
          message.wa_id,
          message.ticket_id,
        );
        const result = await deps.whatsapp.sendMessage(payload);
        await deps.db.transaction().execute(async (trx) => {
          await lockKeys(trx, deps.dialect, [`wamid:${result.wamid}`]);
          await trx
            .updateTable('messages')
            .set({ wamid: result.wamid, status: 'sending', status_at: deps.clock.now() })
            .where('id', '=', messageId)
            .where('status', '=', 'queued')
            .execute();
          await applyRecordedStatuses(trx, result.wamid);
        });
        await deps.events.publish([{ type: 'message.updated', ticketId: message.ticket_id, messageId }]);
      } catch (error) {
        if (isAppError(error)) {
          await markFailed(deps, message, error.reason, error.message, null);
          throw new PermanentJobError(`send failed: ${error.reason}`, { cause: error });
        }
        if (!(error instanceof GraphApiError)) {
          throw error;
        }
        const lastAttempt = context.attempt >= SEND_RETRY.attempts;
        if (error.retryable && !lastAttempt) {
          throw error;
        }
        await markFailed(deps, message, error.reason, error.userMessage, error.code ?? null);
        throw new PermanentJobError(`send failed: ${error.reason}`, { cause: error });
      }
    },
  };
}

async function toPayload(
  deps: SendJobDeps,
  content: StoredContent,
  waId: string,
  ticketId: string,
): Promise<OutboundPayload> {
  if (content.kind === 'text' && content.body) {
    return {
      kind: 'text',
      to: waId,
      body: content.body,
      previewUrl: /https?:\/\//.test(content.body),
      bizOpaqueCallbackData: `ticket=${ticketId}`,
    };
  }
  if (content.kind === 'media' && content.attachmentId && content.mediaKind && deps.uploadAttachment) {
    const { graphMediaId } = await deps.uploadAttachment(content.attachmentId);
    return {
      kind: 'media',
      to: waId,
      mediaKind: content.mediaKind,
      media: { id: graphMediaId },
      ...(content.caption ? { caption: content.caption } : {}),
      ...(content.filename && content.mediaKind === 'document' ? { filename: content.filename } : {}),
      bizOpaqueCallbackData: `ticket=${ticketId}`,
    };
  }
  if (content.kind === 'template' && content.name && content.languageCode) {
    return {
      kind: 'template',
      to: waId,
      name: content.name,
      languageCode: content.languageCode,
      ...(content.components?.length ? { components: content.components } : {}),
      bizOpaqueCallbackData: `ticket=${ticketId}`,
    };
  }
  if (content.kind === 'choices' && content.style) {
    const { kind: _kind, style, ...choices } = content;
    return {
      ...choices,
      kind: style,
      to: waId,
      bizOpaqueCallbackData: `ticket=${ticketId}`,
    } as OutboundPayload;
  }
  throw new PermanentJobError(`cannot send outbound content of kind ${content.kind}`);
}

async function markFailed(
  deps: SendJobDeps,
  message: { id: string; ticket_id: string },
  reason: string,
  text: string,
  code: number | null,
): Promise<void> {
  await deps.db
    .updateTable('messages')
    .set({
      status: 'failed',
      status_at: deps.clock.now(),
      error_code: code,
      error_reason: reason,
      error_message: text,
    })
    .where('id', '=', message.id)
    .where('status', '=', 'queued')
    .execute();
  deps.onSendFailure?.(reason);
  await deps.events.publish([
    { type: 'message.updated', ticketId: message.ticket_id, messageId: message.id },
  ]);
}
