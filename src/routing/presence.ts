import type { Kysely } from 'kysely';
import { type Clock, newId } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { ACTIVE_STATUSES, insertTicketEvent, SYSTEM_ACTOR } from '../tickets/index.ts';

export const PRESENCES = ['online', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

/**
 * Sets an agent's presence and logs the change. Going offline returns their active tickets to the queue
 * in teams whose policy is `requeue`; in `keep` teams they stay assigned. Returns the requeued tickets.
 */
export async function setPresence(
  deps: { db: Kysely<Database>; clock: Clock },
  userId: string,
  presence: Presence,
): Promise<{ changed: boolean; requeued: string[] }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('presence')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    if (user.presence === presence) {
      return { changed: false, requeued: [] };
    }
    await trx.updateTable('users').set({ presence, updated_at: now }).where('id', '=', userId).execute();
    await trx
      .insertInto('presence_log')
      .values({ id: newId(), user_id: userId, presence, at: now })
      .execute();
    if (presence !== 'offline') {
      return { changed: true, requeued: [] };
    }
    const tickets = await trx
      .selectFrom('tickets')
      .innerJoin('team_routing', 'team_routing.team_id', 'tickets.team_id')
      .select('tickets.id')
      .where('tickets.assignee_id', '=', userId)
      .where('tickets.status', 'in', ACTIVE_STATUSES)
      .where('team_routing.offline_policy', '=', 'requeue')
      .execute();
    const requeued = tickets.map((t) => t.id);
    if (requeued.length > 0) {
      await trx
        .updateTable('tickets')
        .set({ assignee_id: null, updated_at: now })
        .where('id', 'in', requeued)
        .execute();
      for (const ticketId of requeued) {
        await insertTicketEvent(
          trx,
          ticketId,
          'assigned',
          SYSTEM_ACTOR,
          { from: userId, to: null, cause: 'agent_offline' },
          now,
        );
      }
    }
    return { changed: true, requeued };
  });
}
