import type { FastifyRequest } from 'fastify';
import type { AuditActor, AuditEntryInput, AuditLog, AuditOrigin } from '../audit/index.ts';
import type { Principal } from '../auth/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The audit trail (decorated on the root instance). */
    auditLog: AuditLog;
  }
}

/** What a route says about an audited action; who and from where come from the request. */
export type AuditNote = Omit<AuditEntryInput, 'actor' | 'origin'>;

export function actorOf(principal: Principal): AuditActor {
  switch (principal.kind) {
    case 'session':
      return { type: 'user', id: principal.userId };
    case 'token':
      return { type: 'api_token', id: principal.credentialId };
    case 'bootstrap':
      return { type: 'bootstrap', id: null };
  }
}

export function originOf(request: FastifyRequest): AuditOrigin {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null };
}

/** Records an action by an authenticated caller. */
export function auditRequest(request: FastifyRequest, principal: Principal, note: AuditNote): Promise<void> {
  const details =
    principal.kind === 'token' && principal.userId
      ? { ...note.details, onBehalfOf: principal.userId }
      : note.details;
  return request.server.auditLog.record({
    ...note,
    ...(details ? { details } : {}),
    actor: actorOf(principal),
    origin: originOf(request),
  });
}
