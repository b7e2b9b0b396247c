import type { Kysely } from 'kysely';
import { AppError, type Clock, newId } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import type { Principal } from './auth.types.ts';
import { type Permission, type Role, scopedPermissions } from './permissions.ts';
import { generateSecret, safeEqual, sha256 } from './secrets.ts';
import { listTeamIds } from './users.repo.ts';

const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  userId: string | null;
  prefix: string;
  /** null: every permission of the role. */
  permissions: Permission[] | null;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
}

/** A bearer token either resolves to a caller or is refused for a reason the audit trail records. */
export type BearerResult =
  | { kind: 'accepted'; principal: Principal }
  | { kind: 'rejected'; reason: 'unknown' | 'revoked' | 'expired'; tokenId: string | null };

export function createApiTokens(deps: {
  db: Kysely<Database>;
  clock: Clock;
  bootstrapToken: string | undefined;
}) {
  const { db, clock } = deps;

  async function authenticate(secret: string): Promise<BearerResult> {
    if (deps.bootstrapToken && safeEqual(secret, deps.bootstrapToken)) {
      const principal: Principal = {
        kind: 'bootstrap',
        userId: null,
        role: 'admin',
        teamIds: [],
        credentialId: null,
        permissions: scopedPermissions('admin', null),
      };
      return { kind: 'accepted', principal };
    }
    const row = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', sha256(secret))
      .executeTakeFirst();
    const now = clock.now();
    if (!row) {
      return { kind: 'rejected', reason: 'unknown', tokenId: null };
    }
    if (row.revoked_at !== null) {
      return { kind: 'rejected', reason: 'revoked', tokenId: row.id };
    }
    if (row.expires_at !== null && row.expires_at <= now) {
      return { kind: 'rejected', reason: 'expired', tokenId: row.id };
    }
    if (row.last_used_at === null || now - row.last_used_at > LAST_USED_RESOLUTION_MS) {
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    }
    const token = toApiToken(row);
    return {
      kind: 'accepted',
      principal: {
        kind: 'token',
        userId: token.userId,
        role: token.role,
        teamIds: token.userId ? await listTeamIds(db, token.userId) : [],
        credentialId: token.id,
        permissions: scopedPermissions(token.role, token.permissions),
      },
    };
  }

  async function create(input: {
    name: string;
    role: Role;
    userId: string | null;
    permissions?: Permission[] | null;
    expiresAt?: number | null;
  }): Promise<{ token: string; data: ApiToken }> {
    const { secret, hash, displayPrefix } = generateSecret('sl');
    const id = newId();
    const now = clock.now();
    if (input.expiresAt != null && input.expiresAt <= now) {
      throw new AppError('invalid_input', 'token.expiry_in_past', 'expiresAt: must be in the future.', {
        details: { field: 'expiresAt' },
      });
    }
    const row = {
      id,
      name: input.name,
      role: input.role,
      user_id: input.userId,
      token_hash: hash,
      prefix: displayPrefix,
      created_at: now,
      last_used_at: null,
      revoked_at: null,
      permissions: input.permissions ? JSON.stringify(input.permissions) : null,
      expires_at: input.expiresAt ?? null,
    };
    await db.insertInto('api_tokens').values(row).execute();
    return { token: secret, data: toApiToken(row) };
  }

  async function list(): Promise<ApiToken[]> {
    const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
    return rows.map(toApiToken);
  }

  /** Revokes a token; revoking twice is a no-op. Returns the token, or throws token.not_found. */
  async function revoke(id: string): Promise<ApiToken> {
    await db
      .updateTable('api_tokens')
      .set({ revoked_at: clock.now() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) {
      throw new AppError('not_found', 'token.not_found', `No API token with id ${id}.`);
    }
    return toApiToken(row);
  }

  return { authenticate, create, list, revoke };
}

export type ApiTokens = ReturnType<typeof createApiTokens>;

function toApiToken(row: {
  id: string;
  name: string;
  role: string;
  user_id: string | null;
  prefix: string;
  permissions: string | null;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    userId: row.user_id,
    prefix: row.prefix,
    permissions: row.permissions === null ? null : (JSON.parse(row.permissions) as Permission[]),
    createdAt: Number(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
