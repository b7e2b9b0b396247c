import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { addRoute, IdParams } from '../http/route.ts';
import { type Clock, newId, notFound } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { deleteArticle, insertArticle, listArticles, replaceArticle } from './kb.repo.ts';
import { ArticleInputSchema, ArticleQuerySchema } from './kb.schemas.ts';

/** Knowledge-base articles: everyone reads, admins and supervisors write. */
export async function kbRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  const getArticle = async (id: string) => {
    const article = (await listArticles(db, { id }))[0];
    if (!article) {
      throw notFound('kb.article', id);
    }
    return article;
  };

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/kb/articles',
    summary: 'List knowledge-base articles with their translations',
    tag: 'knowledge',
    query: ArticleQuerySchema,
    handler: async ({ query }) => ({ data: await listArticles(db, query) }),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/kb/articles/:id',
    summary: 'One knowledge-base article',
    tag: 'knowledge',
    params: IdParams,
    handler: async ({ params }) => ({ data: await getArticle(params.id) }),
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/kb/articles',
    summary: 'Create an article (category, keywords, error codes, one translation per language)',
    tag: 'knowledge',
    permission: 'settings.manage',
    body: ArticleInputSchema,
    response: { status: 201, description: 'Created' },
    handler: async ({ body, principal }) => {
      const id = newId();
      await db
        .transaction()
        .execute((trx) => insertArticle(trx, { ...body, id, createdBy: principal.userId, now: clock.now() }));
      return { data: await getArticle(id) };
    },
  });

  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/kb/articles/:id',
    summary: 'Replace an article and its translations',
    tag: 'knowledge',
    permission: 'settings.manage',
    params: IdParams,
    body: ArticleInputSchema,
    handler: async ({ params, body }) => {
      const found = await db
        .transaction()
        .execute((trx) => replaceArticle(trx, params.id, body, clock.now()));
      if (!found) {
        throw notFound('kb.article', params.id);
      }
      return { data: await getArticle(params.id) };
    },
  });

  addRoute(app, {
    method: 'DELETE',
    url: '/api/v1/kb/articles/:id',
    summary: 'Delete an article',
    tag: 'knowledge',
    permission: 'settings.manage',
    params: IdParams,
    response: { status: 204, description: 'Deleted' },
    handler: async ({ params, reply }) => {
      const found = await db.transaction().execute((trx) => deleteArticle(trx, params.id));
      if (!found) {
        throw notFound('kb.article', params.id);
      }
      return reply.send();
    },
  });
}
