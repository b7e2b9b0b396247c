import { AppError, type Clock, notFound } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import { type Actor, insertTicketEvent } from '../tickets/index.ts';

const NEXT_TIER: Record<string, 'L2' | 'L3' | undefined> = { L1: 'L2', L2: 'L3' };

/**
 * Moves a ticket one tier up with a reason: the team becomes the one on the escalation path for the new
 * tier (when one is set), the ticket goes back to the queue for that team, and the timeline records it.
 * Runs in the caller's transaction.
 */
export async function escalateTicket(
  db: Db,
  input: { ticketId: string; reason: string; actor: Actor; clock: Clock },
): Promise<{ from: string; to: string; teamId: string | null }> {
  const ticket = await db
    .selectFrom('tickets')
    .select(['tier', 'team_id', 'assignee_id', 'status'])
    .where('id', '=', input.ticketId)
    .executeTakeFirst();
  if (!ticket) {
    throw notFound('ticket', input.ticketId);
  }
  const to = NEXT_TIER[ticket.tier];
  if (!to) {
    throw new AppError(
      'conflict',
      'ticket.top_tier',
      `This ticket is already at ${ticket.tier}, the top tier.`,
    );
  }
  if (ticket.status === 'closed') {
    throw new AppError('conflict', 'ticket.closed', 'A closed ticket cannot be escalated.');
  }
  const path = await db
    .selectFrom('escalation_paths')
    .select('team_id')
    .where('tier', '=', to)
    .executeTakeFirst();
  const teamId = path?.team_id ?? ticket.team_id;
  const now = input.clock.now();
  const moved = teamId !== ticket.team_id;
  await db
    .updateTable('tickets')
    .set({ tier: to, team_id: teamId, assignee_id: moved ? null : ticket.assignee_id, updated_at: now })
    .where('id', '=', input.ticketId)
    .execute();
  await insertTicketEvent(
    db,
    input.ticketId,
    'escalated',
    input.actor,
    { from: ticket.tier, to, reason: input.reason, teamFrom: ticket.team_id, teamTo: teamId },
    now,
  );
  return { from: ticket.tier, to, teamId };
}
