import type { Db } from '../store/index.ts';
import type { TicketFacts } from './sla.types.ts';

/** What policy conditions look at: the ticket and its customer. */
export async function readTicketFacts(db: Db, ticketId: string): Promise<TicketFacts> {
  const row = await db
    .selectFrom('tickets')
    .innerJoin('contacts', 'contacts.id', 'tickets.contact_id')
    .select([
      'tickets.team_id',
      'tickets.tier',
      'tickets.channel_id',
      'tickets.category',
      'tickets.priority',
      'contacts.vip',
      'contacts.segment',
    ])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirstOrThrow();
  return {
    teamId: row.team_id,
    tier: row.tier,
    segment: row.segment,
    vip: Boolean(row.vip),
    channelId: row.channel_id,
    category: row.category,
    priority: row.priority,
  };
}
