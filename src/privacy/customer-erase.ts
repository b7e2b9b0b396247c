import type { Kysely } from 'kysely';
import type { MediaVault } from '../blobs/index.ts';
import { AppError, type Clock } from '../kernel/index.ts';
import { eraseMedia } from '../media/index.ts';
import type { Database, Db } from '../store/index.ts';

export const ERASED_CONTENT = JSON.stringify({ kind: 'erased' });

export interface ErasureReport {
  contactId: string;
  tickets: number;
  messages: number;
  media: number;
  blobsDestroyed: number;
}

/** Removes message content (text, captions, locations, contacts cards) and keeps the row for counts. */
export async function redactMessages(trx: Db, ticketIds: readonly string[], now: number): Promise<number> {
  if (ticketIds.length === 0) {
    return 0;
  }
  const result = await trx
    .updateTable('messages')
    .set({ body: null, content: ERASED_CONTENT, referral: null, error_message: null, redacted_at: now })
    .where('ticket_id', 'in', [...ticketIds])
    .where('redacted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes blobs whose data keys are already gone; the ciphertext was unreadable from the commit on. */
export async function destroyBlobs(vault: MediaVault, keys: readonly string[]): Promise<number> {
  for (const key of keys) {
    await vault.destroy({ key });
  }
  return keys.length;
}

/**
 * Erases a customer: every message of their tickets redacted, their media erased and crypto-shredded,
 * the contact anonymised (no name, phone, user id or username). Tickets stay, with their timestamps,
 * statuses and tags, so analytics keep their anonymous counts. Idempotent.
 */
export async function eraseCustomer(
  deps: { db: Kysely<Database>; vault: MediaVault; clock: Clock },
  contactId: string,
): Promise<ErasureReport> {
  const now = deps.clock.now();
  const { report, keys } = await deps.db.transaction().execute(async (trx) => {
    const contact = await trx
      .selectFrom('contacts')
      .select('id')
      .where('id', '=', contactId)
      .executeTakeFirst();
    if (!contact) {
      throw new AppError('not_found', 'customer.not_found', `No customer with id ${contactId}.`);
    }
    const ticketIds = (
      await trx.selectFrom('tickets').select('id').where('contact_id', '=', contactId).execute()
    ).map((t) => t.id);
    const messages = await redactMessages(trx, ticketIds, now);
    const mediaIds =
      ticketIds.length === 0
        ? []
        : (await trx.selectFrom('media').select('id').where('ticket_id', 'in', ticketIds).execute()).map(
            (m) => m.id,
          );
    const blobKeys = await eraseMedia(trx, mediaIds, now);
    if (ticketIds.length > 0) {
      await trx
        .updateTable('tickets')
        .set({ last_message_preview: null, referral: null, updated_at: now })
        .where('id', 'in', ticketIds)
        .execute();
    }
    await trx
      .updateTable('contacts')
      .set({
        name: null,
        wa_id: null,
        bsuid: null,
        username: null,
        segment: null,
        erased_at: now,
        updated_at: now,
      })
      .where('id', '=', contactId)
      .execute();
    return {
      report: { contactId, tickets: ticketIds.length, messages, media: mediaIds.length },
      keys: blobKeys,
    };
  });
  return { ...report, blobsDestroyed: await destroyBlobs(deps.vault, keys) };
}
