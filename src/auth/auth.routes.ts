import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SESSION_COOKIE } from '../http/authenticate.ts';
import { addRoute, parseInput } from '../http/route.ts';
import { AppError } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import type { AuthService } from './auth.service.ts';
import { LANGUAGES } from './auth.types.ts';
import { listUsers } from './users.repo.ts';

const LoginBody = z.strictObject({
  email: z.email({ error: 'must be an e-mail address' }).max(320),
  password: z.string().min(1, 'must not be empty').max(1024),
});

const ProfilePatch = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(120).optional(),
    language: z.enum(LANGUAGES, { error: `must be one of: ${LANGUAGES.join(', ')}` }).optional(),
  })
  .refine((p) => p.name !== undefined || p.language !== undefined, { message: 'give name or language' });

export async function authRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; auth: AuthService; secureCookies: 'auto' | 'true' | 'false' },
) {
  const { auth, db } = deps;

  // Public: the one route that works without a session.
  app.post('/api/v1/auth/login', async (request, reply) => {
    const body = parseInput(LoginBody, request.body, 'body');
    const { user, sessionToken, expiresAt } = await auth.login(body.email, body.password);
    const secure =
      deps.secureCookies === 'true' || (deps.secureCookies === 'auto' && request.protocol === 'https');
    reply.setCookie(SESSION_COOKIE, sessionToken, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      expires: new Date(expiresAt),
    });
    return { user };
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const session = request.cookies[SESSION_COOKIE];
    if (session) {
      await auth.logout(session);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    handler: async ({ principal }) => {
      if (!principal.userId) {
        return {
          user: {
            id: null,
            email: null,
            name: 'API token',
            role: principal.role,
            language: 'en',
            teamIds: [],
          },
        };
      }
      return { user: await auth.findUser(principal.userId) };
    },
  });

  addRoute(app, {
    method: 'PATCH',
    url: '/api/v1/auth/me',
    summary: 'Update your name or UI language',
    tag: 'auth',
    body: ProfilePatch,
    handler: async ({ principal, body }) => {
      if (!principal.userId) {
        throw new AppError('forbidden', 'auth.not_a_user', 'API tokens have no profile to change.');
      }
      return { user: await auth.updateProfile(principal.userId, body) };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/users',
    summary: 'Users (agents, supervisors, admins)',
    tag: 'auth',
    handler: async () => ({ data: await listUsers(db) }),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/teams',
    summary: 'Teams',
    tag: 'auth',
    handler: async () => ({
      data: await db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute(),
    }),
  });
}
