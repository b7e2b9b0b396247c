import type { Kysely } from 'kysely';
import type { Database } from '../store/index.ts';
import type { Range } from './analytics.types.ts';
import { type AgentTime, measureAgentTime, type PresenceChange } from './occupancy.ts';

export interface AgentFigures extends AgentTime {
  agentId: string;
  name: string;
  presence: string;
  /** Tickets in hand now (new, open or pending, assigned to the agent). */
  openTickets: number;
}

/**
 * Online time, occupancy and utilisation per agent over the range. A ticket is in an agent's hands from
 * its opening until it is solved (or closed), attributed to its current assignee.
 */
export async function loadAgentFigures(
  db: Kysely<Database>,
  range: Range,
  options: { capacity: number; now: number; agentId?: string },
): Promise<AgentFigures[]> {
  let usersQuery = db
    .selectFrom('users')
    .select(['id', 'name', 'presence'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', ['agent', 'supervisor', 'admin'])
    .orderBy('name');
  if (options.agentId) {
    usersQuery = usersQuery.where('id', '=', options.agentId);
  }
  const users = await usersQuery.execute();
  if (users.length === 0) {
    return [];
  }
  const ids = users.map((u) => u.id);
  const end = Math.min(range.to, options.now);
  const [before, within, tickets, active] = await Promise.all([
    db
      .selectFrom('presence_log as p')
      .select(['p.user_id', 'p.presence', 'p.at'])
      .where('p.user_id', 'in', ids)
      .where((eb) =>
        eb(
          'p.at',
          '=',
          eb
            .selectFrom('presence_log as q')
            .select((e) => e.fn.max('q.at').as('at'))
            .whereRef('q.user_id', '=', 'p.user_id')
            .where('q.at', '<', range.from),
        ),
      )
      .execute(),
    db
      .selectFrom('presence_log')
      .select(['user_id', 'presence', 'at'])
      .where('user_id', 'in', ids)
      .where('at', '>=', range.from)
      .where('at', '<', end)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('tickets')
      .select(['assignee_id', 'created_at', 'solved_at', 'closed_at'])
      .where('assignee_id', 'in', ids)
      .where('created_at', '<', end)
      .where((eb) =>
        eb.or([
          eb.and([eb('solved_at', 'is', null), eb('closed_at', 'is', null)]),
          eb(eb.fn.coalesce('solved_at', 'closed_at'), '>', range.from),
        ]),
      )
      .execute(),
    db
      .selectFrom('tickets')
      .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('assignee_id', 'in', ids)
      .where('status', 'in', ['new', 'open', 'pending'])
      .groupBy('assignee_id')
      .execute(),
  ]);
  return users.map((user) => {
    const changes: PresenceChange[] = [...before, ...within]
      .filter((row) => row.user_id === user.id)
      .map((row) => ({ presence: row.presence, at: Number(row.at) }));
    const mine = tickets.filter((t) => t.assignee_id === user.id);
    const handling = mine.map((t) => ({
      from: Number(t.created_at),
      to: Number(t.solved_at ?? t.closed_at ?? end),
    }));
    return {
      agentId: user.id,
      name: user.name,
      presence: user.presence,
      openTickets: Number(active.find((row) => row.assignee_id === user.id)?.n ?? 0),
      ...measureAgentTime(changes, handling, { from: range.from, to: end }, options.capacity),
    };
  });
}
