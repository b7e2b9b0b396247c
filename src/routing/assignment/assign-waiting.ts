import { type Kysely, sql } from 'kysely';
import type { EventBus } from '../../events/index.ts';
import type { Clock } from '../../kernel/index.ts';
import { type Database, type Db, type Dialect, lockKeys, readJson } from '../../store/index.ts';
import { ACTIVE_STATUSES, insertTicketEvent, listTags, SYSTEM_ACTOR } from '../../tickets/index.ts';
import { type AgentSlot, chooseAgent, type Strategy, type WaitingTicket } from './choose-agent.ts';

export const DEFAULT_MAX_TICKETS = 5;
/** Looked at per pass; a bigger backlog is worked through by the next pass (capacity is the limit anyway). */
const BATCH = 200;
export const ASSIGNMENT_LOCK = 'routing:assignment';

/** Urgent first, then the longest waiting. */
export const PRIORITY_RANK = sql<number>`case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

/**
 * Assigns waiting tickets (active, in a team, no assignee, not talking to the bot) to online agents with room, in priority order.
 * One transaction under one lock (an advisory lock on PostgreSQL; SQLite has a single writer), so two
 * processes can never give the same ticket to two agents or push an agent over their cap. Returns the
 * tickets assigned.
 */
export async function assignWaiting(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  events: EventBus;
}): Promise<string[]> {
  const assigned = await deps.db.transaction().execute(async (trx) => {
    await lockKeys(trx, deps.dialect, [ASSIGNMENT_LOCK]);
    const waiting = await listWaiting(trx);
    if (waiting.length === 0) {
      return [];
    }
    const teamIds = [...new Set(waiting.map((t) => t.teamId))];
    const [agents, teams] = await Promise.all([
      listOnlineAgents(trx, teamIds),
      listTeamSettings(trx, teamIds),
    ]);
    const now = deps.clock.now();
    const done: string[] = [];
    for (const ticket of waiting) {
      const team = teams.get(ticket.teamId) ?? {
        strategy: 'least_loaded' as const,
        lastAssignedUserId: null,
      };
      const agent = chooseAgent(ticket, agents, team);
      if (!agent) {
        continue;
      }
      const result = await trx
        .updateTable('tickets')
        .set({ assignee_id: agent.userId, updated_at: now })
        .where('id', '=', ticket.id)
        .where('assignee_id', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        continue;
      }
      await insertTicketEvent(
        trx,
        ticket.id,
        'assigned',
        SYSTEM_ACTOR,
        {
          from: null,
          to: agent.userId,
          cause: 'routing',
          strategy: agent.userId === ticket.previousAgentId ? 'sticky' : team.strategy,
        },
        now,
      );
      agent.load += 1;
      team.lastAssignedUserId = agent.userId;
      teams.set(ticket.teamId, team);
      await trx
        .insertInto('team_routing')
        .values({ team_id: ticket.teamId, last_assigned_user_id: agent.userId })
        .onConflict((oc) => oc.column('team_id').doUpdateSet({ last_assigned_user_id: agent.userId }))
        .execute();
      done.push(ticket.id);
    }
    return done;
  });
  if (assigned.length > 0) {
    await deps.events.publish(assigned.map((ticketId) => ({ type: 'ticket.updated' as const, ticketId })));
  }
  return assigned;
}

async function listWaiting(db: Db): Promise<WaitingTicket[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'team_id', 'language', 'contact_id'])
    .select((eb) =>
      eb
        .selectFrom('tickets as previous')
        .select('previous.assignee_id')
        .whereRef('previous.contact_id', '=', 'tickets.contact_id')
        .whereRef('previous.id', '!=', 'tickets.id')
        .where('previous.assignee_id', 'is not', null)
        .orderBy('previous.created_at', 'desc')
        .limit(1)
        .as('previous_agent_id'),
    )
    .where('assignee_id', 'is', null)
    .where('team_id', 'is not', null)
    .where('status', 'in', ACTIVE_STATUSES)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('bot_sessions')
            .select('ticket_id')
            .whereRef('bot_sessions.ticket_id', '=', 'tickets.id'),
        ),
      ),
    )
    .orderBy(PRIORITY_RANK)
    .orderBy('created_at')
    .limit(BATCH)
    .execute();
  const tags = await listTags(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    teamId: r.team_id!,
    language: r.language,
    tags: tags.get(r.id) ?? [],
    previousAgentId: r.previous_agent_id ?? null,
  }));
}

async function listOnlineAgents(db: Db, teamIds: readonly string[]): Promise<AgentSlot[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .leftJoin('agent_profiles', 'agent_profiles.user_id', 'users.id')
    .select([
      'users.id',
      'team_members.team_id',
      'agent_profiles.skills',
      'agent_profiles.languages',
      'agent_profiles.max_tickets',
    ])
    .where('team_members.team_id', 'in', teamIds)
    .where('users.presence', '=', 'online')
    .where('users.disabled_at', 'is', null)
    .execute();
  const loads = await listLoads(db, [...new Set(rows.map((r) => r.id))]);
  const agents = new Map<string, AgentSlot>();
  for (const row of rows) {
    const agent = agents.get(row.id) ?? {
      userId: row.id,
      teamIds: [],
      skills: row.skills ? readJson<string[]>(row.skills) : [],
      languages: row.languages ? readJson<string[]>(row.languages) : [],
      maxTickets: row.max_tickets ?? DEFAULT_MAX_TICKETS,
      load: loads.get(row.id) ?? 0,
    };
    agent.teamIds.push(row.team_id);
    agents.set(row.id, agent);
  }
  return [...agents.values()];
}

/** Active tickets per agent. */
export async function listLoads(db: Db, userIds: readonly string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('tickets')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'in', userIds)
    .where('status', 'in', ACTIVE_STATUSES)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id!, Number(r.n)]));
}

async function listTeamSettings(db: Db, teamIds: readonly string[]) {
  const rows = await db.selectFrom('team_routing').selectAll().where('team_id', 'in', teamIds).execute();
  return new Map(
    rows.map((r) => [
      r.team_id,
      { strategy: r.strategy as Strategy, lastAssignedUserId: r.last_assigned_user_id },
    ]),
  );
}
