import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listRoutes } from './route.ts';

const ErrorSchema = z.object({
  error: z.object({
    kind: z.string(),
    reason: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

function toJsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/** OpenAPI 3.1 for every route registered with addRoute, plus the fixed public endpoints. */
export function buildOpenApi(app: FastifyInstance, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {
    '/webhooks/whatsapp': {
      get: {
        summary: 'Meta webhook verification handshake (hub.mode, hub.verify_token, hub.challenge)',
        tags: ['webhooks'],
        responses: {
          200: { description: 'The challenge, echoed' },
          403: { description: 'Wrong verify token' },
        },
      },
      post: {
        summary: 'WhatsApp Cloud API events, signed with X-Hub-Signature-256',
        tags: ['webhooks'],
        responses: {
          200: { description: 'Stored durably (or ignored as irrelevant)' },
          400: { description: 'Not a WhatsApp payload' },
          401: { description: 'Missing or bad signature' },
          413: { description: 'Body over 3 MB' },
        },
      },
    },
    '/healthz': {
      get: { summary: 'Process is up', tags: ['ops'], responses: { 200: { description: 'OK' } } },
    },
    '/readyz': {
      get: {
        summary: 'Database and job queue reachable',
        tags: ['ops'],
        responses: { 200: { description: 'Ready' }, 503: { description: 'Not ready' } },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics',
        tags: ['ops'],
        responses: { 200: { description: 'Text exposition format' } },
      },
    },
  };
  for (const route of listRoutes(app)) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const parameters = [...pathParameters(route.url), ...(route.query ? queryParameters(route.query) : [])];
    const responses: Record<string, unknown> = {
      [route.response?.status ?? 200]: {
        description: route.response?.description ?? 'OK',
        ...(route.response?.schema
          ? { content: { 'application/json': { schema: toJsonSchema(route.response.schema) } } }
          : {}),
      },
      default: {
        description: 'Error',
        content: { 'application/json': { schema: toJsonSchema(ErrorSchema) } },
      },
    };
    paths[path] = {
      ...paths[path],
      [route.method.toLowerCase()]: {
        summary: route.summary,
        tags: [route.tag],
        security: [{ bearer: [] }, { session: [] }],
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: toJsonSchema(route.body) } },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Sightline API', version, description: 'Helpdesk for customer support over WhatsApp.' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'sl_session' },
      },
    },
    paths,
  };
}

function pathParameters(url: string) {
  return [...url.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParameters(schema: z.ZodType) {
  const json = toJsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}
