import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../store/index.ts';
import type { Principal } from './auth.types.ts';

/** Who is looking at tickets, as far as visibility goes. */
export interface TicketViewer {
  userId: string | null;
  teamIds: readonly string[];
  /** Holds `tickets.read_all_teams` (admins, supervisors, auditors). */
  allTeams: boolean;
}

export function ticketViewerOf(principal: Principal): TicketViewer {
  return {
    userId: principal.userId,
    teamIds: principal.teamIds,
    allTeams: principal.permissions.includes('tickets.read_all_teams'),
  };
}

/**
 * Team scoping, the one rule: without `tickets.read_all_teams` a caller sees the tickets of the teams they
 * belong to, the tickets assigned to them, and the open queue (no team and no assignee), which someone
 * must be able to pick up. Everything else does not exist for them (404, never 403, so ids do not leak).
 */
export function visibleTickets(viewer: TicketViewer): RawBuilder<SqlBool> {
  if (viewer.allTeams) {
    return sql<SqlBool>`1 = 1`;
  }
  const parts = [sql`(tickets.team_id is null and tickets.assignee_id is null)`];
  if (viewer.teamIds.length > 0) {
    parts.push(sql`tickets.team_id in (${sql.join([...viewer.teamIds])})`);
  }
  if (viewer.userId) {
    parts.push(sql`tickets.assignee_id = ${viewer.userId}`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

export async function canSeeTicket(db: Db, viewer: TicketViewer, ticketId: string): Promise<boolean> {
  const row = await db
    .selectFrom('tickets')
    .select('tickets.id')
    .where('tickets.id', '=', ticketId)
    .where(visibleTickets(viewer))
    .executeTakeFirst();
  return row !== undefined;
}
