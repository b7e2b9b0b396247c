import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addRoute, IdParams } from '../http/route.ts';
import { AppError } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import type { AuthService } from './auth.service.ts';
import { PERMISSIONS, ROLES } from './permissions.ts';
import { findUser, insertTeam, setUserTeams, updateUser } from './users.repo.ts';

const Role = z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` });
const Name = z.string().trim().min(1, 'must not be empty').max(120);
const TeamIds = z.array(z.string().min(1).max(64)).max(100);

const UserCreateBody = z.strictObject({
  email: z.email({ error: 'must be an e-mail address' }).max(320),
  name: Name,
  role: Role,
  password: z.string().min(12, 'must be at least 12 characters').max(1024),
  teamIds: TeamIds.optional(),
});

const UserPatchBody = z
  .strictObject({
    role: Role.optional(),
    name: Name.optional(),
    disabled: z.boolean().optional(),
    teamIds: TeamIds.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give role, name, disabled or teamIds' });

const TokenCreateBody = z.strictObject({
  name: Name,
  role: Role,
  /** A subset of the role's permissions; omitted: all of them. */
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length).optional(),
  expiresAt: z.number().int().positive().optional(),
  userId: z.string().min(1).max(64).optional(),
});

/** Users, teams and API tokens: admin only, every change audited. */
export async function adminRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; auth: AuthService }) {
  const { db, auth } = deps;
  const assertTeams = async (teamIds: readonly string[]) => {
    const found =
      teamIds.length === 0
        ? []
        : await db
            .selectFrom('teams')
            .select('id')
            .where('id', 'in', [...teamIds])
            .execute();
    if (found.length !== new Set(teamIds).size) {
      throw new AppError('unprocessable', 'team.not_found', 'teamIds: names a team that does not exist.', {
        details: { field: 'teamIds' },
      });
    }
  };

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/users',
    summary: 'Create a user with a role and teams',
    tag: 'admin',
    permission: 'users.manage',
    body: UserCreateBody,
    response: { status: 201, description: 'Created' },
    handler: async ({ body, audit }) => {
      const { teamIds = [], ...input } = body;
      await assertTeams(teamIds);
      const user = await auth.createUser(input);
      await setUserTeams(db, user.id, teamIds);
      await audit({
        action: 'user.created',
        target: { type: 'user', id: user.id },
        details: { role: user.role, teamIds },
      });
      return { data: await findUser(db, user.id) };
    },
  });

  addRoute(app, {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    summary: 'Change a user’s role, name, teams, or disable them (their sessions end)',
    tag: 'admin',
    permission: 'users.manage',
    params: IdParams,
    body: UserPatchBody,
    handler: async ({ params, body, audit, principal }) => {
      const { teamIds, ...patch } = body;
      if (params.id === principal.userId && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
        throw new AppError(
          'conflict',
          'user.cannot_demote_self',
          'You cannot disable yourself or drop your own admin role.',
        );
      }
      if (teamIds) {
        await assertTeams(teamIds);
      }
      const before = await updateUser(db, params.id, patch, Date.now());
      if (!before) {
        throw new AppError('not_found', 'user.not_found', `No user with id ${params.id}.`);
      }
      const target = { type: 'user', id: params.id };
      if (patch.role !== undefined && patch.role !== before.role) {
        await audit({ action: 'user.role_changed', target, details: { from: before.role, to: patch.role } });
      }
      if (patch.disabled !== undefined && patch.disabled !== before.disabled) {
        await audit({ action: patch.disabled ? 'user.disabled' : 'user.enabled', target });
      }
      if (patch.name !== undefined && patch.name !== before.name) {
        await audit({ action: 'user.renamed', target });
      }
      if (teamIds) {
        await setUserTeams(db, params.id, teamIds);
        await audit({ action: 'user.teams_changed', target, details: { teamIds } });
      }
      const user = await db
        .selectFrom('users')
        .select(['id', 'email', 'name', 'role', 'disabled_at'])
        .where('id', '=', params.id)
        .executeTakeFirstOrThrow();
      return { data: { ...user, disabled: user.disabled_at !== null, teamIds: teamIds ?? null } };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/teams',
    summary: 'Create a team',
    tag: 'admin',
    permission: 'users.manage',
    body: z.strictObject({ name: Name }),
    response: { status: 201, description: 'Created' },
    handler: async ({ body, audit }) => {
      const team = await insertTeam(db, body.name, Date.now());
      await audit({
        action: 'team.created',
        target: { type: 'team', id: team.id },
        details: { name: team.name },
      });
      return { data: team };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tokens',
    summary: 'API tokens (never the secret): prefix, role, scopes, last used, expiry, revocation',
    tag: 'admin',
    permission: 'tokens.manage',
    handler: async () => ({ data: await auth.tokens.list() }),
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/tokens',
    summary: 'Create an API token (the secret is shown once, in this response)',
    tag: 'admin',
    permission: 'tokens.manage',
    body: TokenCreateBody,
    response: { status: 201, description: 'Created' },
    handler: async ({ body, audit }) => {
      const created = await auth.tokens.create({ ...body, userId: body.userId ?? null });
      await audit({
        action: 'token.created',
        target: { type: 'api_token', id: created.data.id },
        details: {
          role: body.role,
          permissions: body.permissions ?? null,
          expiresAt: body.expiresAt ?? null,
        },
      });
      return created;
    },
  });

  addRoute(app, {
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    summary: 'Revoke an API token (it answers 401 from now on)',
    tag: 'admin',
    permission: 'tokens.manage',
    params: IdParams,
    handler: async ({ params, audit }) => {
      const token = await auth.tokens.revoke(params.id);
      await audit({ action: 'token.revoked', target: { type: 'api_token', id: params.id } });
      return { data: token };
    },
  });
}
