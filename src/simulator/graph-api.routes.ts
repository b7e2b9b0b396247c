import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance } from 'fastify';
import { buildGraphError } from './graph.errors.ts';
import { buildUnknownObjectError, guardGraphCall, sendGraphError } from './graph.http.ts';
import { registerGraphMediaRoutes } from './graph-media.routes.ts';
import { MAX_UPLOAD_BYTES } from './media.limits.ts';
import type { Simulator } from './simulator.ts';
import { presentTemplate } from './templates.rules.ts';

export interface SimulatorPluginOptions {
  simulator: Simulator;
}

type TemplatesQuery = { limit?: string; after?: string; name?: string; status?: string };

function encodeCursor(index: number): string {
  return Buffer.from(String(index), 'utf8').toString('base64');
}

function decodeCursor(cursor: string | undefined): number {
  const index = cursor === undefined ? -1 : Number(Buffer.from(cursor, 'base64').toString('utf8'));
  return Number.isInteger(index) ? index : -1;
}

function registerTemplateRoutes(app: FastifyInstance, simulator: Simulator): void {
  app.get<{ Params: { version: string; wabaId: string }; Querystring: TemplatesQuery }>(
    '/:version/:wabaId/message_templates',
    async (request, reply) => {
      if (await guardGraphCall(simulator, request, reply, 'templates')) {
        return reply;
      }
      if (request.params.wabaId !== simulator.config.wabaId) {
        return sendGraphError(reply, buildUnknownObjectError('get', request.params.wabaId));
      }
      const limit = Math.min(Math.max(Number(request.query.limit ?? 25) || 25, 1), 100);
      const { name, status } = request.query;
      const all = simulator.graph
        .listTemplates()
        .filter(
          (t) =>
            (name === undefined || t.name.includes(name)) &&
            (status === undefined || (t.status ?? 'APPROVED') === status),
        );
      const start = decodeCursor(request.query.after) + 1;
      const page = all.slice(start, start + limit);
      const last = start + page.length - 1;
      const hasMore = last < all.length - 1;
      const base = `${request.protocol}://${request.host}${request.url.split('?')[0]}`;
      return {
        data: page.map(presentTemplate),
        paging: {
          cursors: { before: encodeCursor(start), after: encodeCursor(last) },
          ...(hasMore
            ? { next: `${base}?limit=${limit}&after=${encodeURIComponent(encodeCursor(last))}` }
            : {}),
        },
      };
    },
  );
}

/**
 * Fake Graph API (register under `/simulator/graph`): the helpdesk's `WHATSAPP_GRAPH_URL` points here
 * and it calls `/simulator/graph/v25.0/...` exactly as it would call graph.facebook.com.
 */
export async function simulatorGraphPlugin(
  app: FastifyInstance,
  options: SimulatorPluginOptions,
): Promise<void> {
  const { simulator } = options;
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    const details = status >= 500 ? undefined : error.message;
    return sendGraphError(
      reply,
      buildGraphError(status >= 500 ? 1 : 100, details, status >= 500 ? 500 : 400),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendGraphError(reply, buildGraphError(2500, `Unknown path components: ${request.url.split('?')[0]}`)),
  );

  app.post<{ Params: { version: string; phoneNumberId: string } }>(
    '/:version/:phoneNumberId/messages',
    async (request, reply) => {
      if (await guardGraphCall(simulator, request, reply, 'messages')) {
        return reply;
      }
      if (request.params.phoneNumberId !== simulator.config.phoneNumberId) {
        return sendGraphError(reply, buildUnknownObjectError('post', request.params.phoneNumberId));
      }
      const outcome = simulator.graph.send(request.body);
      return outcome.ok ? outcome.body : sendGraphError(reply, outcome.error);
    },
  );

  registerTemplateRoutes(app, simulator);
  registerGraphMediaRoutes(app, simulator);
}
