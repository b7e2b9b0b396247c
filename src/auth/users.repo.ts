import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Language, Role, User } from './auth.types.ts';

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
    .select(['id', 'email', 'name', 'role', 'language', 'password_hash'])
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
