import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { AuditLog } from '../audit/index.ts';
import type { AuthService, Principal } from '../auth/index.ts';
import { AppError } from '../kernel/index.ts';
import { originOf } from './audit-context.ts';

export const SESSION_COOKIE = 'sl_session';
export const CSRF_HEADER = 'x-sightline-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolves the caller from a Bearer token or the session cookie, or throws unauthenticated. */
    authenticate(request: FastifyRequest): Promise<Principal>;
  }
}

export type Authenticator = (request: FastifyRequest) => Promise<Principal>;

/**
 * Bearer tokens (automation) and session cookies (dashboard). Cookie-authenticated writes must carry
 * the CSRF header, which a cross-site form or image cannot send. A known token used after its revocation
 * or expiry is recorded in the audit trail (unknown strings are not: anyone can send those).
 */
export function createAuthenticator(auth: AuthService, audit: AuditLog): Authenticator {
  return async (request: FastifyRequest): Promise<Principal> => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const result = match ? await auth.tokens.authenticate(match[1]!) : null;
      if (result?.kind === 'accepted') {
        return result.principal;
      }
      if (result?.tokenId) {
        await audit.record({
          action: 'auth.token_rejected',
          actor: { type: 'api_token', id: result.tokenId },
          origin: originOf(request),
          details: { reason: result.reason, method: request.method, route: request.routeOptions.url ?? null },
        });
      }
      throw new AppError(
        'unauthenticated',
        result?.reason === 'expired' ? 'auth.token_expired' : 'auth.invalid_token',
        'The API token is missing, malformed, expired or revoked.',
      );
    }
    const session = request.cookies[SESSION_COOKIE];
    const principal = session ? await auth.authenticateSession(session) : null;
    if (!principal) {
      throw new AppError(
        'unauthenticated',
        'auth.required',
        'Sign in, or send an API token as "Authorization: Bearer <token>".',
      );
    }
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== '1') {
      throw new AppError(
        'forbidden',
        'auth.csrf_header_required',
        `Browser requests that change data must send the ${CSRF_HEADER}: 1 header.`,
      );
    }
    return principal;
  };
}
