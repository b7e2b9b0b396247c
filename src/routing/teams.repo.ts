import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError, newId, notFound } from '../kernel/index.ts';
import { type Database, type Db, readJson, writeJson } from '../store/index.ts';
import { DEFAULT_MAX_TICKETS, listLoads } from './assignment/assign-waiting.ts';
import type { AgentProfileBody, TeamBody } from './routing.schemas.ts';

type TeamInput = z.infer<typeof TeamBody>;

/** Teams with their assignment settings and members (presence, skills, languages, cap, current load). */
export async function listRoutingTeams(db: Db) {
  const [teams, members] = await Promise.all([
    db
      .selectFrom('teams')
      .leftJoin('team_routing', 'team_routing.team_id', 'teams.id')
      .select(['teams.id', 'teams.name', 'team_routing.strategy', 'team_routing.offline_policy'])
      .orderBy('teams.name')
      .execute(),
    db
      .selectFrom('team_members')
      .innerJoin('users', 'users.id', 'team_members.user_id')
      .leftJoin('agent_profiles', 'agent_profiles.user_id', 'users.id')
      .select([
        'team_members.team_id',
        'users.id',
        'users.name',
        'users.presence',
        'agent_profiles.skills',
        'agent_profiles.languages',
        'agent_profiles.max_tickets',
      ])
      .orderBy('users.name')
      .execute(),
  ]);
  const loads = await listLoads(db, [...new Set(members.map((m) => m.id))]);
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    strategy: team.strategy ?? 'least_loaded',
    offlinePolicy: team.offline_policy ?? 'keep',
    members: members
      .filter((m) => m.team_id === team.id)
      .map((m) => ({
        userId: m.id,
        name: m.name,
        presence: m.presence,
        skills: m.skills ? readJson<string[]>(m.skills) : [],
        languages: m.languages ? readJson<string[]>(m.languages) : [],
        maxTickets: m.max_tickets ?? DEFAULT_MAX_TICKETS,
        load: loads.get(m.id) ?? 0,
      })),
  }));
}

/** Creates a team, or replaces an existing one's name, settings and members. */
export async function saveTeam(
  db: Kysely<Database>,
  id: string | undefined,
  input: TeamInput,
  now: number,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const teamId = id ?? newId();
    if (id) {
      const existing = await trx.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst();
      if (!existing) {
        throw notFound('team', id);
      }
      await trx.updateTable('teams').set({ name: input.name }).where('id', '=', id).execute();
    } else {
      await trx.insertInto('teams').values({ id: teamId, name: input.name, created_at: now }).execute();
    }
    const settings = { strategy: input.strategy, offline_policy: input.offlinePolicy };
    await trx
      .insertInto('team_routing')
      .values({ team_id: teamId, ...settings })
      .onConflict((oc) => oc.column('team_id').doUpdateSet(settings))
      .execute();
    const users = input.memberIds.length
      ? await trx.selectFrom('users').select('id').where('id', 'in', input.memberIds).execute()
      : [];
    const missing = input.memberIds.find((m) => !users.some((u) => u.id === m));
    if (missing) {
      throw new AppError(
        'invalid_input',
        'routing.unknown_reference',
        `memberIds: no user with id ${missing}`,
        {
          details: { field: 'memberIds' },
        },
      );
    }
    await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
    if (users.length > 0) {
      await trx
        .insertInto('team_members')
        .values(users.map((u) => ({ team_id: teamId, user_id: u.id })))
        .execute();
    }
    return teamId;
  });
}

export async function saveAgentProfile(
  db: Db,
  userId: string,
  input: z.infer<typeof AgentProfileBody>,
): Promise<void> {
  const user = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) {
    throw notFound('user', userId);
  }
  const values = {
    skills: writeJson(input.skills),
    languages: writeJson(input.languages),
    max_tickets: input.maxTickets,
  };
  await db
    .insertInto('agent_profiles')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

export async function saveEscalationPaths(db: Db, paths: Record<'L2' | 'L3', string | null>): Promise<void> {
  for (const [tier, teamId] of Object.entries(paths)) {
    if (teamId) {
      const team = await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
      if (!team) {
        throw new AppError(
          'invalid_input',
          'routing.unknown_reference',
          `${tier}: no team with id ${teamId}`,
          {
            details: { field: tier },
          },
        );
      }
    }
    await db
      .insertInto('escalation_paths')
      .values({ tier, team_id: teamId })
      .onConflict((oc) => oc.column('tier').doUpdateSet({ team_id: teamId }))
      .execute();
  }
}
