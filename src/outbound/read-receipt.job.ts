import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defineJobSpec, type JobDefinition, type JobQueue, PermanentJobError } from '../jobs/index.ts';
import { type Clock, DAY } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { GraphApiError, type WhatsAppClient } from '../whatsapp/index.ts';

/** WhatsApp accepts read receipts for messages up to 30 days old. */
const READ_RECEIPT_MAX_AGE_MS = 30 * DAY;

export const readReceiptJob = defineJobSpec({
  name: 'whatsapp.mark-read',
  schema: z.object({ wamid: z.string().min(1) }),
  retry: { attempts: 4, baseDelayMs: 2_000, maxDelayMs: 60_000 },
});

/**
 * When an agent opens a ticket, the customer sees blue ticks: the latest customer message is marked
 * read on WhatsApp (which marks every earlier one read too). Queued, so opening a ticket never waits
 * on Meta; deduplicated per message.
 */
export async function enqueueReadReceipt(
  deps: { db: Kysely<Database>; queue: JobQueue; clock: Clock },
  ticketId: string,
) {
  const latest = await deps.db
    .selectFrom('messages')
    .select('wamid')
    .where('ticket_id', '=', ticketId)
    .where('direction', '=', 'inbound')
    .where('wamid', 'is not', null)
    .where('customer_timestamp', '>', deps.clock.now() - READ_RECEIPT_MAX_AGE_MS)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest?.wamid) {
    await deps.queue.enqueue(readReceiptJob, { wamid: latest.wamid }, { dedupeKey: `read:${latest.wamid}` });
  }
}

export function createReadReceiptJob(deps: { whatsapp: WhatsAppClient }): JobDefinition<{ wamid: string }> {
  return {
    ...readReceiptJob,
    handler: async ({ wamid }) => {
      try {
        await deps.whatsapp.markRead(wamid);
      } catch (error) {
        if (error instanceof GraphApiError && !error.retryable) {
          // Too old or unknown to WhatsApp (131009): nothing to retry, the ticks just stay grey.
          throw new PermanentJobError(`read receipt refused: ${error.reason}`, { cause: error });
        }
        throw error;
      }
    },
  };
}
