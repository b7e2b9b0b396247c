import type { Kysely } from 'kysely';
import { AppError, type Clock, MINUTE } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { sha256 } from './secrets.ts';

/** Per account: 5 failures in 15 minutes lock it for 15 minutes. Per address: 30 (shared offices, NAT). */
export const THROTTLE = {
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxPerAccount: 5,
  maxPerAddress: 30,
} as const;

/**
 * Login throttling kept in the database, so every API process shares it. Keys are hashed: the table holds
 * neither e-mail addresses nor IP addresses.
 */
export function createLoginThrottle(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  const keysOf = (email: string, ip: string) => [
    { key: sha256(`email:${email.trim().toLowerCase()}`), max: THROTTLE.maxPerAccount },
    { key: sha256(`ip:${ip}`), max: THROTTLE.maxPerAddress },
  ];

  /** Throws rate_limited while the account or the address is locked. */
  async function assertAllowed(email: string, ip: string): Promise<void> {
    const now = clock.now();
    const keys = keysOf(email, ip).map((k) => k.key);
    const locked = await db
      .selectFrom('login_throttle')
      .select('locked_until')
      .where('key', 'in', keys)
      .where('locked_until', '>', now)
      .orderBy('locked_until', 'desc')
      .executeTakeFirst();
    if (locked) {
      const seconds = Math.ceil((Number(locked.locked_until) - now) / 1000);
      throw new AppError(
        'rate_limited',
        'auth.locked',
        `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minutes.`,
        { details: { retryAfterSeconds: seconds } },
      );
    }
  }

  /** Counts a failure; returns true when it locked the account or address. */
  async function recordFailure(email: string, ip: string): Promise<boolean> {
    const now = clock.now();
    let lockedNow = false;
    for (const { key, max } of keysOf(email, ip)) {
      const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      const fresh = !row || now - Number(row.window_started_at) > THROTTLE.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lockedUntil = failures >= max ? now + THROTTLE.lockMs : null;
      lockedNow ||= lockedUntil !== null;
      const values = {
        failures,
        window_started_at: fresh ? now : Number(row.window_started_at),
        locked_until: lockedUntil,
      };
      await db
        .insertInto('login_throttle')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
    }
    return lockedNow;
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async function recordSuccess(email: string, ip: string): Promise<void> {
    await db.deleteFrom('login_throttle').where('key', '=', keysOf(email, ip)[0]!.key).execute();
  }

  return { assertAllowed, recordFailure, recordSuccess };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
