import type { Kysely } from 'kysely';
import { AppError, type Clock, DAY } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { createApiTokens } from './api-tokens.ts';
import type { Language, Principal, User } from './auth.types.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { permissionsOf, type Role } from './permissions.ts';
import type { SecretBox } from './secret-box.ts';
import { generateSecret, hashPassword, sha256, verifyPassword } from './secrets.ts';
import { decodeBase32, verifyTotp } from './totp.ts';
import { createTotpEnrolment } from './totp-enrolment.ts';
import { findUser, findUserByEmail, insertUser, listTeamIds } from './users.repo.ts';

const SESSION_TTL_MS = 12 * 60 * 60_000;
// Verified when the e-mail is unknown, so a login takes as long whether or not the account exists.
const DUMMY_HASH = hashPassword('sightline-timing-equaliser');

export function createAuthService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  bootstrapToken: string | undefined;
  /** Encrypts TOTP secrets at rest. */
  secrets: SecretBox;
}) {
  const { db, clock } = deps;
  const tokens = createApiTokens(deps);
  const throttle = createLoginThrottle(deps);
  const totp = createTotpEnrolment(deps);

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
      permissions: permissionsOf(session.role as Role),
    };
  }

  /**
   * Checks e-mail, password and (when enrolled) the TOTP code; returns the user and a new session secret.
   * Throttled per account and per address; every failure counts, including a wrong second factor.
   */
  async function login(input: {
    email: string;
    password: string;
    totp?: string;
    ip: string;
  }): Promise<{ user: User; sessionToken: string; expiresAt: number }> {
    await throttle.assertAllowed(input.email, input.ip);
    const row = await findUserByEmail(db, input.email);
    const valid = row?.password_hash
      ? await verifyPassword(row.password_hash, input.password)
      : await verifyPassword(await DUMMY_HASH, input.password).then(() => false);
    const failure = !row || !valid ? 'password' : await checkSecondFactor(row, input.totp);
    if (failure !== null) {
      const locked = await throttle.recordFailure(input.email, input.ip);
      throw loginError(failure, locked);
    }
    await throttle.recordSuccess(input.email, input.ip);
    const { secret, hash } = generateSecret('sls');
    const now = clock.now();
    const expiresAt = now + SESSION_TTL_MS;
    await db
      .insertInto('sessions')
      .values({ id: hash, user_id: row!.id, created_at: now, expires_at: expiresAt, last_seen_at: now })
      .execute();
    await db
      .deleteFrom('sessions')
      .where('expires_at', '<', now - DAY)
      .execute();
    return { user: (await findUser(db, row!.id))!, sessionToken: secret, expiresAt };
  }

  async function checkSecondFactor(
    row: { totp_secret: string | null; totp_enabled_at: number | null },
    code: string | undefined,
  ): Promise<'totp_required' | 'totp_invalid' | null> {
    if (row.totp_enabled_at === null || row.totp_secret === null) {
      return null;
    }
    if (code === undefined) {
      return 'totp_required';
    }
    const key = decodeBase32(deps.secrets.open(row.totp_secret));
    return verifyTotp(key, code, clock.now()) ? null : 'totp_invalid';
  }

  async function logout(sessionToken: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', sha256(sessionToken)).execute();
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
    tokens,
    totp,
    authenticateSession,
    login,
    logout,
    createUser,
    updateProfile,
    countUsers,
    findUser: (id: string) => findUser(db, id),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

function loginError(failure: 'password' | 'totp_required' | 'totp_invalid', locked: boolean): AppError {
  if (locked) {
    return new AppError('rate_limited', 'auth.locked', 'Too many failed sign-ins. Try again in 15 minutes.');
  }
  switch (failure) {
    case 'password':
      return new AppError(
        'unauthenticated',
        'auth.invalid_credentials',
        'The e-mail or password is not correct.',
      );
    case 'totp_required':
      return new AppError(
        'unauthenticated',
        'auth.totp_required',
        'Enter the code from your authenticator app.',
      );
    case 'totp_invalid':
      return new AppError('unauthenticated', 'auth.totp_invalid', 'The authenticator code is not correct.');
  }
}
