import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { addRoute, IdParams } from '../http/route.ts';
import type { Clock } from '../kernel/index.ts';
import type { ReplyService } from '../outbound/index.ts';
import type { Database } from '../store/index.ts';
import { requireVisibleTicket } from '../tickets/index.ts';
import { ArticleParams, SendArticleSchema } from './kb.schemas.ts';
import type { KnowledgeService } from './knowledge.service.ts';
import {
  KnowledgeSettingsSchema,
  loadKnowledgeSettings,
  saveKnowledgeSettings,
} from './knowledge.settings.ts';
import { mediaTextView, seesFullNumbers, signalsView, suggestionView } from './knowledge.views.ts';
import { listMediaTexts } from './media-texts.repo.ts';

/** Text read from a ticket's media, suggested articles (sent in one click), and the analysers' settings. */
export async function knowledgeRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; knowledge: KnowledgeService; replies: ReplyService },
) {
  const { db, knowledge, replies } = deps;

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/:id/media-texts',
    summary: 'Text read from the ticket’s media (OCR, transcripts) with the signals found in it',
    tag: 'knowledge',
    params: IdParams,
    permission: 'tickets.read',
    handler: async ({ params, principal, request }) => {
      await requireVisibleTicket(db, principal, params.id, request);
      const full = seesFullNumbers(principal);
      return { data: (await listMediaTexts(db, params.id)).map((row) => mediaTextView(row, full)) };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/:id/suggestions',
    summary: 'The ticket’s category and the best matching knowledge-base articles',
    tag: 'knowledge',
    params: IdParams,
    permission: 'tickets.read',
    handler: async ({ params, principal, request }) => {
      await requireVisibleTicket(db, principal, params.id, request);
      const result = await knowledge.suggest(params.id);
      return {
        category: result.category,
        categoryConfidence: result.categoryConfidence,
        signals: signalsView(result.signals, seesFullNumbers(principal)),
        data: result.suggestions.map((s) => suggestionView(s, [result.language])),
      };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/:id/suggestions/:articleId/send',
    summary: 'Send an article to the customer as the agent’s reply, in their language when translated',
    tag: 'knowledge',
    permission: 'tickets.write',
    params: ArticleParams,
    body: SendArticleSchema,
    response: { status: 202, description: 'Stored and queued for sending' },
    handler: async ({ params, body, principal, reply, request }) => {
      await requireVisibleTicket(db, principal, params.id, request);
      const text = await knowledge.articleText(params.id, params.articleId);
      const result = await replies.reply(
        params.id,
        { type: 'text', text, idempotencyKey: body.idempotencyKey },
        { type: 'agent', id: principal.userId },
      );
      reply.status(result.created ? 202 : 200);
      return { data: result.message };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/kb/settings',
    summary: 'Text analysers on/off, their time budgets, the auto-send threshold and category rules',
    tag: 'knowledge',
    permission: 'settings.manage',
    handler: async () => ({ data: await loadKnowledgeSettings(db) }),
  });

  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/kb/settings',
    summary: 'Replace the knowledge settings (rules are validated: categories, languages, patterns)',
    tag: 'knowledge',
    permission: 'settings.manage',
    body: KnowledgeSettingsSchema,
    handler: async ({ body }) => {
      await saveKnowledgeSettings(db, body, deps.clock.now());
      return { data: body };
    },
  });
}
