import type { FastifyInstance } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { addRoute, IdParams } from '../http/route.ts';
import { AppError, type Clock, newId } from '../kernel/index.ts';
import { type CannedRepliesTable, type Database, isUniqueViolation } from '../store/index.ts';

/** What a canned reply may contain; the composer fills them from the open ticket. */
export const CANNED_PLACEHOLDERS = ['contact.name', 'agent.name', 'ticket.number'] as const;

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

const Body = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(4096, 'must be at most 4096 characters (WhatsApp’s limit)')
  .superRefine((text, ctx) => {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!(CANNED_PLACEHOLDERS as readonly string[]).includes(name!)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder {{${name}}}; use ${CANNED_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`,
        });
      }
    }
  });

const CannedReplyInput = z.strictObject({
  shortcut: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'must be 1–32 lower-case letters, digits, - or _ (typed after /)'),
  title: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  body: Body,
  language: z.enum(['en', 'fr', 'es', 'it', 'ar']).nullable().default(null),
});

const CannedReplyPatch = CannedReplyInput.partial().refine((patch) => Object.keys(patch).length > 0, {
  message: 'give at least one of shortcut, title, body, language',
});

const ListQuery = z.object({ q: z.string().max(100).optional() });

export interface CannedReplyView {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  language: string | null;
  updatedAt: number;
}

const toView = (row: Selectable<CannedRepliesTable>): CannedReplyView => ({
  id: row.id,
  shortcut: row.shortcut,
  title: row.title,
  body: row.body,
  language: row.language,
  updatedAt: Number(row.updated_at),
});

const EDITORS = ['admin', 'supervisor'] as const;

function shortcutTaken(shortcut: string | undefined): AppError {
  return new AppError(
    'conflict',
    'canned_reply.shortcut_taken',
    `The shortcut /${shortcut} is already used.`,
    {
      details: { field: 'shortcut' },
    },
  );
}

/** Agents' saved answers, inserted with `/shortcut` in the composer; edited by supervisors. */
export async function cannedReplyRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function get(id: string): Promise<CannedReplyView> {
    const row = await db.selectFrom('canned_replies').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) {
      throw new AppError('not_found', 'canned_reply.not_found', 'No such canned reply.');
    }
    return toView(row);
  }

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/canned-replies',
    summary: 'Canned replies, optionally matching a shortcut or title',
    tag: 'templates',
    query: ListQuery,
    handler: async ({ query }) => {
      // A team has tens or hundreds of canned replies: matching in memory is simpler than LIKE escaping
      // across two databases, and as fast.
      const q = query.q?.trim().toLowerCase() ?? '';
      const rows = await db.selectFrom('canned_replies').selectAll().orderBy('shortcut').execute();
      const matching = rows.filter((row) => row.shortcut.includes(q) || row.title.toLowerCase().includes(q));
      return { data: matching.map(toView) };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/canned-replies',
    summary: 'Create a canned reply',
    tag: 'templates',
    roles: EDITORS,
    body: CannedReplyInput,
    response: { status: 201, description: 'Created' },
    handler: async ({ body, principal, reply }) => {
      const now = clock.now();
      const id = newId();
      try {
        await db
          .insertInto('canned_replies')
          .values({ id, ...body, created_by: principal.userId, created_at: now, updated_at: now })
          .execute();
      } catch (error) {
        throw isUniqueViolation(error) ? shortcutTaken(body.shortcut) : error;
      }
      reply.status(201);
      return { data: await get(id) };
    },
  });

  addRoute(app, {
    method: 'PATCH',
    url: '/api/v1/canned-replies/:id',
    summary: 'Change a canned reply',
    tag: 'templates',
    roles: EDITORS,
    params: IdParams,
    body: CannedReplyPatch,
    handler: async ({ params, body }) => {
      await get(params.id);
      try {
        await db
          .updateTable('canned_replies')
          .set({ ...body, updated_at: clock.now() })
          .where('id', '=', params.id)
          .execute();
      } catch (error) {
        throw isUniqueViolation(error) ? shortcutTaken(body.shortcut) : error;
      }
      return { data: await get(params.id) };
    },
  });

  addRoute(app, {
    method: 'DELETE',
    url: '/api/v1/canned-replies/:id',
    summary: 'Delete a canned reply',
    tag: 'templates',
    roles: EDITORS,
    params: IdParams,
    response: { status: 204, description: 'Deleted' },
    handler: async ({ params, reply }) => {
      await get(params.id);
      await db.deleteFrom('canned_replies').where('id', '=', params.id).execute();
      reply.status(204);
      return undefined;
    },
  });
}
