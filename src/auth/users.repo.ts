import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Language, User } from './auth.types.ts';
import type { Role } from './permissions.ts';

export async function listTeamIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.team_id);
}

type UserRow = { id: string; email: string; name: string; role: string; language: string };

function toUser(row: UserRow, teamIds: string[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    language: row.language as Language,
    teamIds,
  };
}

export async function findUser(db: Db, id: string): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'language'])
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? toUser(row, await listTeamIds(db, id)) : null;
}

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'language', 'password_hash', 'totp_secret', 'totp_enabled_at'])
    .where('email', '=', email.trim().toLowerCase())
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function listUsers(db: Db): Promise<User[]> {
  const [rows, memberships] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'language'])
      .where('disabled_at', 'is', null)
      .orderBy('name')
      .execute(),
    db.selectFrom('team_members').select(['team_id', 'user_id']).execute(),
  ]);
  return rows.map((row) =>
    toUser(
      row,
      memberships.filter((m) => m.user_id === row.id).map((m) => m.team_id),
    ),
  );
}

export async function insertUser(
  db: Db,
  input: { email: string; name: string; role: Role; passwordHash: string | null; language?: Language },
  now: number,
): Promise<User> {
  const row = {
    id: newId(),
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    language: input.language ?? 'en',
  };
  await db
    .insertInto('users')
    .values({
      ...row,
      password_hash: input.passwordHash,
      created_at: now,
      updated_at: now,
      disabled_at: null,
    })
    .execute();
  return toUser(row, []);
}

/** Changes a user's role, name or disabled state; returns the previous values (for the audit trail). */
export async function updateUser(
  db: Db,
  id: string,
  patch: { role?: Role; name?: string; disabled?: boolean },
  now: number,
): Promise<{ role: Role; name: string; disabled: boolean } | null> {
  const before = await db
    .selectFrom('users')
    .select(['role', 'name', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!before) {
    return null;
  }
  await db
    .updateTable('users')
    .set({
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.disabled !== undefined ? { disabled_at: patch.disabled ? now : null } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  if (patch.disabled) {
    await db.deleteFrom('sessions').where('user_id', '=', id).execute();
  }
  return { role: before.role as Role, name: before.name, disabled: before.disabled_at !== null };
}

export async function setUserTeams(db: Db, userId: string, teamIds: readonly string[]): Promise<void> {
  await db.deleteFrom('team_members').where('user_id', '=', userId).execute();
  if (teamIds.length > 0) {
    await db
      .insertInto('team_members')
      .values(teamIds.map((teamId) => ({ team_id: teamId, user_id: userId })))
      .execute();
  }
}

export async function insertTeam(db: Db, name: string, now: number): Promise<{ id: string; name: string }> {
  const team = { id: newId(), name };
  await db
    .insertInto('teams')
    .values({ ...team, created_at: now })
    .execute();
  return team;
}
