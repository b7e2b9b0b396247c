import type { Db } from '../store/index.ts';
import { bodyOf, findMessageByWamid } from '../tickets/index.ts';
import type { MessageContent } from '../whatsapp/index.ts';
import type { IngestOutcome } from './ingest.service.ts';

/** Kinds that refer to an earlier message: they never open or reopen a ticket. */
export const FOLLOW_UP_KINDS = new Set<MessageContent['kind']>(['reaction', 'edit', 'revoke', 'system']);

export function followUpTarget(content: MessageContent): string | undefined {
  switch (content.kind) {
    case 'reaction':
    case 'revoke':
    case 'edit':
      return content.targetWamid;
    default:
      return undefined;
  }
}

/** Edits and deletions change the message they refer to (kept, flagged, shown as such). */
export async function applyFollowUp(
  db: Db,
  content: MessageContent,
  now: number,
  outcome: IngestOutcome,
): Promise<void> {
  const targetWamid = content.kind === 'edit' || content.kind === 'revoke' ? content.targetWamid : undefined;
  if (!targetWamid) {
    return;
  }
  const target = await findMessageByWamid(db, targetWamid);
  if (!target) {
    return;
  }
  if (content.kind === 'edit' && content.newContent) {
    await db
      .updateTable('messages')
      .set({ body: bodyOf(content.newContent), edited_at: now })
      .where('id', '=', target.id)
      .execute();
  } else if (content.kind === 'revoke') {
    await db.updateTable('messages').set({ deleted_at: now }).where('id', '=', target.id).execute();
  }
  outcome.events.push({ type: 'message.updated', ticketId: target.ticket_id, messageId: target.id });
}
