import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Permission, Principal } from '../auth/index.ts';
import { AppError, invalidInput } from '../kernel/index.ts';
import { type AuditNote, auditRequest } from './audit-context.ts';

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  principal: Principal;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Appends to the audit trail as this caller, from this request's address and user agent. */
  audit(note: AuditNote): Promise<void>;
}

export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  /** The permission needed (src/auth/permissions.ts); any authenticated caller when omitted. */
  permission?: Permission;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** The success status and the schema of its body, for OpenAPI. */
  response?: { status: number; schema?: z.ZodType; description: string };
  handler: (context: RouteContext<B, Q, P>) => Promise<unknown>;
}

/** Parses one part of a request; the error names the field and what is wrong with it. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, part: 'body' | 'query' | 'params'): T {
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : part;
  throw invalidInput(`request.invalid_${part}`, `${field}: ${issue.message}`, {
    field,
    issues: result.error.issues.map((i) => ({ field: i.path.join('.') || part, message: i.message })),
  });
}

const registry = new WeakMap<FastifyInstance, RouteSpec<never, never, never>[]>();

/** Every route registered through `addRoute`, for the OpenAPI document. */
export function listRoutes(app: FastifyInstance): readonly RouteSpec<never, never, never>[] {
  return registry.get(app.server as unknown as FastifyInstance) ?? [];
}

/**
 * Registers an authenticated JSON route: the caller is authenticated (and authorised by role), the
 * input parsed with zod, and the route recorded for OpenAPI.
 */
export function addRoute<B, Q, P>(app: FastifyInstance, spec: RouteSpec<B, Q, P>): void {
  const key = app.server as unknown as FastifyInstance;
  registry.set(key, [...(registry.get(key) ?? []), spec as unknown as RouteSpec<never, never, never>]);
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (request, reply) => {
      const principal = await app.authenticate(request);
      if (spec.permission) {
        await authorize(request, principal, spec.permission);
      }
      const context: RouteContext<B, Q, P> = {
        body: spec.body ? parseInput(spec.body, request.body, 'body') : (undefined as B),
        query: spec.query ? parseInput(spec.query, request.query, 'query') : (undefined as Q),
        params: spec.params ? parseInput(spec.params, request.params, 'params') : (undefined as P),
        principal,
        request,
        reply,
        audit: (note) => auditRequest(request, principal, note),
      };
      // The declared success status is the default; a handler may still choose another (e.g. 200 on replay).
      if (spec.response) {
        reply.status(spec.response.status);
      }
      return spec.handler(context);
    },
  });
}

/** Refuses (and records) a caller without the permission. */
export async function authorize(
  request: FastifyRequest,
  principal: Principal,
  permission: Permission,
): Promise<void> {
  if (principal.permissions.includes(permission)) {
    return;
  }
  await auditRequest(request, principal, {
    action: 'access.denied',
    details: { permission, method: request.method, route: request.routeOptions.url ?? null },
  });
  throw new AppError(
    'forbidden',
    'auth.permission_required',
    `This action needs the ${permission} permission (see docs/permissions.md).`,
    { details: { permission } },
  );
}

export const IdParams = z.object({ id: z.string().min(1).max(64) });
