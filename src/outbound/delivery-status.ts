import { type Db, readJsonOrNull, writeJson } from '../store/index.ts';
import type { MessageStatus } from '../tickets/index.ts';
import type { StatusUpdate } from '../whatsapp/index.ts';
import { describeGraphError } from '../whatsapp/index.ts';

/** Forward order of an outbound message's life. `failed` is terminal but never undoes a delivery. */
const RANK: Record<MessageStatus, number> = {
  received: -1,
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  played: 5,
  failed: 6,
};

/** Statuses a message may be in for `next` to replace it: only those strictly behind it. */
export function statusesBefore(next: MessageStatus): MessageStatus[] {
  if (next === 'failed') {
    return ['queued', 'sending', 'sent'];
  }
  return (Object.keys(RANK) as MessageStatus[]).filter(
    (s) => s !== 'received' && s !== 'failed' && RANK[s] < RANK[next],
  );
}

/**
 * Records a status webhook and applies it to the outbound message if it moves the message forward.
 * Statuses for a wamid we do not know yet (the send's response has not been stored) stay recorded and
 * are applied by `applyRecordedStatuses` when it is. Returns the updated message's ids, if any.
 */
export async function applyStatusUpdate(
  db: Db,
  update: StatusUpdate,
  receivedAt: number,
): Promise<{ messageId: string; ticketId: string } | null> {
  await db
    .insertInto('message_statuses')
    .values({
      wamid: update.wamid,
      status: update.status,
      timestamp: update.timestamp,
      errors: update.errors.length > 0 ? writeJson(update.errors) : null,
      received_at: receivedAt,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return moveStatusForward(db, update.wamid, update.status, update.timestamp, update.errors[0]?.code);
}

async function moveStatusForward(
  db: Db,
  wamid: string,
  status: MessageStatus,
  at: number,
  errorCode: number | undefined,
): Promise<{ messageId: string; ticketId: string } | null> {
  const error = status === 'failed' && errorCode !== undefined ? describeGraphError(errorCode) : undefined;
  const row = await db
    .updateTable('messages')
    .set({
      status,
      status_at: at,
      ...(status === 'failed'
        ? {
            error_code: errorCode ?? null,
            error_reason: error?.reason ?? 'whatsapp.send_failed',
            error_message: error?.message ?? 'WhatsApp could not deliver this message.',
          }
        : {}),
    })
    .where('wamid', '=', wamid)
    .where('direction', '=', 'outbound')
    .where('status', 'in', statusesBefore(status))
    .returning(['id', 'ticket_id'])
    .executeTakeFirst();
  return row ? { messageId: row.id, ticketId: row.ticket_id } : null;
}

/** After a send returns its wamid: apply statuses that arrived before it, in forward order. */
export async function applyRecordedStatuses(db: Db, wamid: string): Promise<void> {
  const recorded = await db.selectFrom('message_statuses').selectAll().where('wamid', '=', wamid).execute();
  const ordered = recorded.sort((a, b) => RANK[a.status as MessageStatus] - RANK[b.status as MessageStatus]);
  for (const row of ordered) {
    const errors = readJsonOrNull<{ code: number }[]>(row.errors) ?? [];
    await moveStatusForward(db, wamid, row.status as MessageStatus, row.timestamp, errors[0]?.code);
  }
}
