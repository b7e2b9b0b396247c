import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { auditRequest, originOf } from '../http/audit-context.ts';
import { SESSION_COOKIE } from '../http/authenticate.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import { addRoute, parseInput } from '../http/route.ts';
import { AppError, isAppError } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import type { AuthService } from './auth.service.ts';
import { LANGUAGES, type Principal } from './auth.types.ts';
import { listUsers } from './users.repo.ts';

const LoginBody = z.strictObject({
  email: z.email({ error: 'must be an e-mail address' }).max(320),
  password: z.string().min(1, 'must not be empty').max(1024),
  totp: z.string().trim().max(10).optional(),
});

const TotpCodeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be 6 digits'),
});

const ProfilePatch = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(120).optional(),
    language: z.enum(LANGUAGES, { error: `must be one of: ${LANGUAGES.join(', ')}` }).optional(),
  })
  .refine((p) => p.name !== undefined || p.language !== undefined, { message: 'give name or language' });

function userOf(principal: Principal): string {
  if (!principal.userId) {
    throw new AppError('forbidden', 'auth.not_a_user', 'API tokens have no profile to change.');
  }
  return principal.userId;
}

export async function authRoutes(
  app: FastifyInstance,
  deps: {
    db: Kysely<Database>;
    auth: AuthService;
    secureCookies: 'auto' | 'true' | 'false';
    /** Sign-in attempts per address (argon2 work is the cost an attacker would impose). */
    loginLimiter: RateLimiter;
  },
) {
  const { auth, db } = deps;

  // Public: the one route that works without a session. Throttled, and every outcome audited.
  app.post('/api/v1/auth/login', async (request, reply) => {
    deps.loginLimiter.hit(request.ip);
    const body = parseInput(LoginBody, request.body, 'body');
    const origin = originOf(request);
    const login = await auth.login({ ...body, ip: request.ip }).catch(async (error: unknown) => {
      await app.auditLog.record({
        action: 'auth.sign_in_failed',
        actor: { type: 'anonymous', id: null },
        origin,
        details: {
          email: body.email.trim().toLowerCase(),
          reason: isAppError(error) ? error.reason : 'error',
        },
      });
      throw error;
    });
    const { user, sessionToken, expiresAt } = login;
    await app.auditLog.record({
      action: 'auth.signed_in',
      actor: { type: 'user', id: user.id },
      target: { type: 'user', id: user.id },
      origin,
    });
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
    const principal = session ? await auth.authenticateSession(session) : null;
    if (session) {
      await auth.logout(session);
    }
    if (principal) {
      await auditRequest(request, principal, { action: 'auth.signed_out' });
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
    handler: async ({ principal, body }) => ({ user: await auth.updateProfile(userOf(principal), body) }),
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/totp',
    summary: 'Start TOTP enrolment: returns the secret and its otpauth:// URI (not required until confirmed)',
    tag: 'auth',
    handler: async ({ principal }) => auth.totp.begin(userOf(principal)),
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/totp/confirm',
    summary: 'Confirm TOTP enrolment with a current code; sign-in then asks for a code',
    tag: 'auth',
    body: TotpCodeBody,
    response: { status: 204, description: 'Second factor on' },
    handler: async ({ principal, body, audit, reply }) => {
      await auth.totp.confirm(userOf(principal), body.code);
      await audit({ action: 'auth.totp_enabled', target: { type: 'user', id: principal.userId } });
      return reply.send();
    },
  });

  addRoute(app, {
    method: 'DELETE',
    url: '/api/v1/auth/totp',
    summary: 'Turn the second factor off (needs a current code)',
    tag: 'auth',
    body: TotpCodeBody,
    response: { status: 204, description: 'Second factor off' },
    handler: async ({ principal, body, audit, reply }) => {
      await auth.totp.disable(userOf(principal), body.code);
      await audit({ action: 'auth.totp_disabled', target: { type: 'user', id: principal.userId } });
      return reply.send();
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/users',
    summary: 'Users (agents, supervisors, admins)',
    tag: 'auth',
    permission: 'directory.read',
    handler: async () => ({ data: await listUsers(db) }),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/teams',
    summary: 'Teams',
    tag: 'auth',
    permission: 'directory.read',
    handler: async () => ({
      data: await db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute(),
    }),
  });
}
