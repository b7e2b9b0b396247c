import type { Kysely } from 'kysely';
import { t } from '../i18n/index.ts';
import type { Database } from '../store/index.ts';
import { findCustomerLanguage } from '../tickets/index.ts';
import { formatBytes, MEDIA_LIMITS } from './media.limits.ts';
import type { MediaRow } from './media.repo.ts';
import type { MediaKind } from './media.types.ts';

/** Sends a text to the customer as the bot, through the normal outbound path (idempotent per key). */
export type BotSender = (input: { ticketId: string; text: string; idempotencyKey: string }) => Promise<void>;

/**
 * The polite note a customer gets when their file is refused, in their language (the contact's, else the
 * ticket's, else English), saying what to send instead.
 */
export function createRefusalNotifier(deps: { db: Kysely<Database>; sendBotText: BotSender }) {
  return async (media: MediaRow, reason: 'media.too_large' | 'media.unsupported_type'): Promise<void> => {
    if (!media.ticket_id) {
      return;
    }
    const language = await findCustomerLanguage(deps.db, media.ticket_id);
    const kind = media.kind as MediaKind;
    const text =
      reason === 'media.too_large'
        ? t(language, 'media.refused.too_large', {
            kind: t(language, `media.kind.${kind}`),
            limit: formatBytes(MEDIA_LIMITS[kind]),
          })
        : t(language, 'media.refused.unsupported');
    await deps.sendBotText({ ticketId: media.ticket_id, text, idempotencyKey: `media-refused:${media.id}` });
  };
}
