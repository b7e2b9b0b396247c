import type { Kysely } from 'kysely';
import { AppError, type Clock, DAY, newId } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import type { Language, Principal, Role, User } from './auth.types.ts';
import { generateSecret, hashPassword, safeEqual, sha256, verifyPassword } from './secrets.ts';
import { findUser, findUserByEmail, insertUser, listTeamIds } from './users.repo.ts';

const SESSION_TTL_MS = 12 * 60 * 60_000;
const LAST_USED_RESOLUTION_MS = 60_000;
// Verified when the e-mail is unknown, so a login takes as long whether or not the account exists.
const DUMMY_HASH = hashPassword('sightline-timing-equaliser');

export function createAuthService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  bootstrapToken: string | undefined;
}) {
  const { db, clock } = deps;

  async function authenticateBearer(token: string): Promise<Principal | null> {
    if (deps.bootstrapToken && safeEqual(token, deps.bootstrapToken)) {
      return { kind: 'bootstrap', userId: null, role: 'admin', teamIds: [], credentialId: null };
    }
    const row = await db
      .selectFrom('api_tokens')
      .select(['id', 'role', 'user_id', 'revoked_at', 'last_used_at'])
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) {
      return null;
    }
    const now = clock.now();
    if (row.last_used_at === null || now - row.last_used_at > LAST_USED_RESOLUTION_MS) {
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    }
    const teamIds = row.user_id ? await listTeamIds(db, row.user_id) : [];
    return { kind: 'token', userId: row.user_id, role: row.role as Role, teamIds, credentialId: row.id };
  }

  async function authenticateSession(sessionToken: string): Promise<Principal | null> {
    const now = clock.now();
    const session = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id', 'sessions.user_id', 'sessions.expires_at', 'users.role', 'users.disabled_at'])
      .where('sessions.id', '=', sha256(sessionToken))
      .executeTakeFirst();
    if (!session || session.expires_at <= now || session.disabled_at !== null) {
      return null;
    }
    return {
      kind: 'session',
      userId: session.user_id,
      role: session.role as Role,
      teamIds: await listTeamIds(db, session.user_id),
      credentialId: session.id,
    };
  }

  /** Checks e-mail and password; returns the user and a new session secret for the cookie. */
  async function login(
    email: string,
    password: string,
  ): Promise<{ user: User; sessionToken: string; expiresAt: number }> {
    const row = await findUserByEmail(db, email);
    const valid = row?.password_hash
      ? await verifyPassword(row.password_hash, password)
      : await verifyPassword(await DUMMY_HASH, password).then(() => false);
    if (!row || !valid) {
      throw new AppError(
        'unauthenticated',
        'auth.invalid_credentials',
        'The e-mail or password is not correct.',
      );
    }
    const { secret, hash } = generateSecret('sls');
    const now = clock.now();
    const expiresAt = now + SESSION_TTL_MS;
    await db
      .insertInto('sessions')
      .values({ id: hash, user_id: row.id, created_at: now, expires_at: expiresAt, last_seen_at: now })
      .execute();
    await db
      .deleteFrom('sessions')
      .where('expires_at', '<', now - DAY)
      .execute();
    return { user: (await findUser(db, row.id))!, sessionToken: secret, expiresAt };
  }

  async function logout(sessionToken: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', sha256(sessionToken)).execute();
  }

  async function createApiToken(input: {
    name: string;
    role: Role;
    userId: string | null;
  }): Promise<{ id: string; token: string }> {
    const { secret, hash, displayPrefix } = generateSecret('sl');
    const id = newId();
    await db
      .insertInto('api_tokens')
      .values({
        id,
        name: input.name,
        role: input.role,
        user_id: input.userId,
        token_hash: hash,
        prefix: displayPrefix,
        created_at: clock.now(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    return { id, token: secret };
  }

  async function createUser(input: {
    email: string;
    name: string;
    role: Role;
    password: string;
    language?: Language;
  }): Promise<User> {
    const existing = await findUserByEmail(db, input.email);
    if (existing) {
      throw new AppError('conflict', 'user.email_taken', `A user with e-mail ${input.email} already exists.`);
    }
    return insertUser(db, { ...input, passwordHash: await hashPassword(input.password) }, clock.now());
  }

  async function updateProfile(userId: string, patch: { name?: string; language?: Language }): Promise<User> {
    await db
      .updateTable('users')
      .set({ ...patch, updated_at: clock.now() })
      .where('id', '=', userId)
      .execute();
    const user = await findUser(db, userId);
    if (!user) {
      throw new AppError('not_found', 'user.not_found', 'Your account no longer exists.');
    }
    return user;
  }

  async function countUsers(): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return {
    authenticateBearer,
    authenticateSession,
    login,
    logout,
    createApiToken,
    createUser,
    updateProfile,
    countUsers,
    findUser: (id: string) => findUser(db, id),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
