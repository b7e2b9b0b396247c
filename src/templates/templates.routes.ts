import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addRoute } from '../http/route.ts';
import type { Database } from '../store/index.ts';
import { listTemplates } from './templates.repo.ts';
import type { TemplateService } from './templates.service.ts';

const TemplateListQuery = z.object({
  language: z.string().min(2).max(16).optional(),
  sendable: z.enum(['true', 'false']).optional().describe('Only templates Sightline can send now'),
});

export async function templateRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; templates: TemplateService },
) {
  addRoute(app, {
    method: 'GET',
    url: '/api/v1/templates',
    summary: 'WhatsApp message templates as last synced, with their placeholders',
    tag: 'templates',
    query: TemplateListQuery,
    handler: async ({ query }) => ({
      data: await listTemplates(deps.db, {
        language: query.language,
        sendableOnly: query.sendable === 'true',
      }),
    }),
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/templates/sync',
    summary: 'Fetch the templates of the WhatsApp Business Account from the Graph API now',
    tag: 'templates',
    roles: ['admin', 'supervisor'],
    handler: async () => ({ data: await deps.templates.sync() }),
  });
}
