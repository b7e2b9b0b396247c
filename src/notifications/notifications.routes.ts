import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addRoute } from '../http/route.ts';
import type { Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { listNotifications, markNotificationsRead } from './notifications.repo.ts';

const NotificationsQuery = z
  .object({
    unread: z.enum(['true', 'false']).default('false'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const ReadBody = z.object({ ids: z.array(z.string().min(1)).min(1).max(500).optional() }).strict();

/** The signed-in user's in-app notifications (API tokens without a user have none). */
export async function notificationRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  addRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications',
    summary: 'In-app notifications of the signed-in user, newest first, with the unread count',
    tag: 'notifications',
    query: NotificationsQuery,
    handler: async ({ query, principal }) =>
      principal.userId
        ? listNotifications(deps.db, principal.userId, {
            unreadOnly: query.unread === 'true',
            limit: query.limit,
          })
        : { data: [], unread: 0 },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/notifications/read',
    summary: 'Mark notifications read (all of them when no ids are given)',
    tag: 'notifications',
    body: ReadBody,
    response: { status: 204, description: 'Marked read' },
    handler: async ({ body, principal, reply }) => {
      if (principal.userId) {
        await markNotificationsRead(deps.db, principal.userId, body.ids, deps.clock.now());
      }
      return reply.status(204).send();
    },
  });
}
