import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal, Role } from '../auth/index.ts';
import { AppError, invalidInput } from '../kernel/index.ts';

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  principal: Principal;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  /** Roles allowed; every authenticated role when omitted. */
  roles?: readonly Role[];
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
      if (spec.roles && !spec.roles.includes(principal.role)) {
        throw new AppError(
          'forbidden',
          'auth.role_not_allowed',
          `This action needs one of these roles: ${spec.roles.join(', ')}.`,
        );
      }
      const context: RouteContext<B, Q, P> = {
        body: spec.body ? parseInput(spec.body, request.body, 'body') : (undefined as B),
        query: spec.query ? parseInput(spec.query, request.query, 'query') : (undefined as Q),
        params: spec.params ? parseInput(spec.params, request.params, 'params') : (undefined as P),
        principal,
        request,
        reply,
      };
      // The declared success status is the default; a handler may still choose another (e.g. 200 on replay).
      if (spec.response) {
        reply.status(spec.response.status);
      }
      return spec.handler(context);
    },
  });
}

export const IdParams = z.object({ id: z.string().min(1).max(64) });
