import { sql } from 'kysely';
import { t } from '../i18n/index.ts';
import type { Db } from '../store/index.ts';
import { ACTIVE_STATUSES } from '../tickets/index.ts';
import { PRIORITY_RANK } from './assignment/assign-waiting.ts';

/** A rough handling time per ticket, for the wait estimate (queue position ÷ agents online × this). */
export const AVERAGE_HANDLING_MINUTES = 5;

/**
 * The acknowledgement for a customer, in their language, from the live queue: an agent is already on it,
 * or the expected wait from the tickets ahead in the same team and the team's agents online.
 */
export async function composeAcknowledgement(
  db: Db,
  ticketId: string,
  language: string | null,
): Promise<string> {
  const ticket = await db
    .selectFrom('tickets')
    .select(['assignee_id', 'team_id', 'created_at', PRIORITY_RANK.as('rank')])
    .where('id', '=', ticketId)
    .executeTakeFirstOrThrow();
  if (ticket.assignee_id) {
    return t(language, 'routing.ack.assigned');
  }
  let ahead = db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assignee_id', 'is', null)
    .where('status', 'in', ACTIVE_STATUSES)
    .where('id', '!=', ticketId)
    .where((eb) =>
      eb.or([
        eb(PRIORITY_RANK, '<', Number(ticket.rank)),
        eb.and([eb(PRIORITY_RANK, '=', Number(ticket.rank)), eb('created_at', '<=', ticket.created_at)]),
      ]),
    );
  let online = db
    .selectFrom('users')
    .select((eb) => eb.fn.count<number>(sql`distinct users.id`).as('n'))
    .where('users.presence', '=', 'online')
    .where('users.disabled_at', 'is', null);
  if (ticket.team_id) {
    ahead = ahead.where('team_id', '=', ticket.team_id);
    online = online
      .innerJoin('team_members', 'team_members.user_id', 'users.id')
      .where('team_members.team_id', '=', ticket.team_id);
  }
  const [aheadRow, onlineRow] = await Promise.all([
    ahead.executeTakeFirstOrThrow(),
    online.executeTakeFirstOrThrow(),
  ]);
  const agents = Number(onlineRow.n);
  if (agents === 0) {
    return t(language, 'routing.ack.offline');
  }
  const minutes = Math.max(1, Math.ceil((Number(aheadRow.n) + 1) / agents) * AVERAGE_HANDLING_MINUTES);
  return t(language, 'routing.ack.waiting', { minutes });
}
