import type { Kysely } from 'kysely';
import { AppError, type Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import type { SecretBox } from './secret-box.ts';
import { decodeBase32, generateTotpSecret, totpUri, verifyTotp } from './totp.ts';

/**
 * TOTP second factor: `begin` stores a new sealed secret (not yet required) and returns it with its
 * otpauth:// URI; `confirm` proves the app has it and turns the factor on; `disable` needs a valid code.
 */
export function createTotpEnrolment(deps: { db: Kysely<Database>; clock: Clock; secrets: SecretBox }) {
  const { db, clock, secrets } = deps;

  async function load(userId: string) {
    return db
      .selectFrom('users')
      .select(['email', 'totp_secret', 'totp_enabled_at'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
  }

  async function begin(userId: string): Promise<{ secret: string; uri: string }> {
    const user = await load(userId);
    if (user.totp_enabled_at !== null) {
      throw new AppError(
        'conflict',
        'totp.already_enabled',
        'Two-factor sign-in is already on; turn it off first.',
      );
    }
    const secret = generateTotpSecret();
    await db
      .updateTable('users')
      .set({ totp_secret: secrets.seal(secret), updated_at: clock.now() })
      .where('id', '=', userId)
      .execute();
    return { secret, uri: totpUri(secret, user.email) };
  }

  async function assertCode(sealed: string | null, code: string): Promise<void> {
    if (sealed === null || !verifyTotp(decodeBase32(secrets.open(sealed)), code, clock.now())) {
      throw new AppError(
        'invalid_input',
        'totp.invalid_code',
        'code: the authenticator code is not correct.',
        {
          details: { field: 'code' },
        },
      );
    }
  }

  async function confirm(userId: string, code: string): Promise<void> {
    const user = await load(userId);
    if (user.totp_secret === null) {
      throw new AppError('conflict', 'totp.not_started', 'Start the enrolment first.');
    }
    await assertCode(user.totp_secret, code);
    await db
      .updateTable('users')
      .set({ totp_enabled_at: clock.now(), updated_at: clock.now() })
      .where('id', '=', userId)
      .execute();
  }

  async function disable(userId: string, code: string): Promise<void> {
    const user = await load(userId);
    if (user.totp_enabled_at === null) {
      throw new AppError('conflict', 'totp.not_enabled', 'Two-factor sign-in is not on.');
    }
    await assertCode(user.totp_secret, code);
    await db
      .updateTable('users')
      .set({ totp_secret: null, totp_enabled_at: null, updated_at: clock.now() })
      .where('id', '=', userId)
      .execute();
  }

  return { begin, confirm, disable };
}

export type TotpEnrolment = ReturnType<typeof createTotpEnrolment>;
