import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Principal } from '../auth/index.ts';
import { addRoute, IdParams } from '../http/route.ts';
import type { Reply, ReplyService } from '../outbound/index.ts';
import type { Database } from '../store/index.ts';
import { countTicketViews, listTickets, type Viewer } from './tickets.query.ts';
import { MessagesQuery, NoteBody, ReplyBody, TicketListQuery, TicketPatchBody } from './tickets.schemas.ts';
import type { TicketService } from './tickets.service.ts';
import type { Actor } from './tickets.types.ts';

const WRITERS = ['admin', 'supervisor', 'agent'] as const;

/** The API's reply body as the reply service takes it (choices: Meta's limits are checked there). */
function toReply(body: z.output<typeof ReplyBody>): Reply {
  switch (body.type) {
    case 'text':
      return { type: 'text', text: body.text, idempotencyKey: body.idempotencyKey };
    case 'media':
      return {
        type: 'media',
        mediaId: body.mediaId,
        caption: body.caption,
        idempotencyKey: body.idempotencyKey,
      };
    case 'template':
      return body;
    case 'choices': {
      const { buttons, buttonLabel, sections, ...common } = body;
      return common.style === 'buttons'
        ? { ...common, style: 'buttons', buttons: buttons ?? [] }
        : { ...common, style: 'list', buttonLabel: buttonLabel ?? '', sections: sections ?? [] };
    }
  }
}

const viewerOf = (principal: Principal): Viewer => ({ userId: principal.userId, teamIds: principal.teamIds });
const actorOf = (principal: Principal): Actor => ({ type: 'agent', id: principal.userId });

export async function ticketRoutes(
  app: FastifyInstance,
  deps: {
    db: Kysely<Database>;
    tickets: TicketService;
    replies: ReplyService;
    /** Runs after an agent reads the ticket (read receipts to WhatsApp). */
    onRead?: (ticketId: string) => Promise<void>;
  },
) {
  const { db, tickets, replies } = deps;

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets',
    summary: 'List tickets with filters, search, sort and cursor pagination',
    tag: 'tickets',
    query: TicketListQuery,
    handler: async ({ query, principal }) => {
      const { sort, limit, cursor, assigneeId, ...filter } = query;
      const assignee =
        assigneeId === 'none' ? null : assigneeId === 'me' ? (principal.userId ?? '') : assigneeId;
      return listTickets(
        db,
        { ...filter, ...(assignee !== undefined ? { assigneeId: assignee } : {}) },
        viewerOf(principal),
        { sort, limit, cursor },
      );
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/counts',
    summary: 'Ticket counts per inbox view',
    tag: 'tickets',
    handler: async ({ principal }) => countTicketViews(db, viewerOf(principal)),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/:id',
    summary: 'Ticket detail with contact, 24-hour window and previous tickets',
    tag: 'tickets',
    params: IdParams,
    handler: async ({ params }) => tickets.getDetail(params.id),
  });

  addRoute(app, {
    method: 'PATCH',
    url: '/api/v1/tickets/:id',
    summary: 'Change status, priority, assignee, team or tags',
    tag: 'tickets',
    roles: WRITERS,
    params: IdParams,
    body: TicketPatchBody,
    handler: async ({ params, body, principal }) => tickets.update(params.id, body, actorOf(principal)),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/:id/messages',
    summary: 'Messages of a ticket, oldest first (cursor pagination)',
    tag: 'tickets',
    params: IdParams,
    query: MessagesQuery,
    handler: async ({ params, query }) =>
      tickets.listMessages(params.id, { limit: query.limit, afterId: query.cursor }),
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/:id/messages',
    summary: 'Reply to the customer (sent through WhatsApp by a background job)',
    tag: 'tickets',
    roles: WRITERS,
    params: IdParams,
    body: ReplyBody,
    response: { status: 202, description: 'Stored and queued for sending' },
    handler: async ({ params, body, principal, reply }) => {
      const result = await replies.reply(params.id, toReply(body), actorOf(principal));
      reply.status(result.created ? 202 : 200);
      return { data: result.message };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/:id/notes',
    summary: 'Add an internal note (never sent to the customer)',
    tag: 'tickets',
    roles: WRITERS,
    params: IdParams,
    body: NoteBody,
    response: { status: 201, description: 'Note stored' },
    handler: async ({ params, body, principal }) => ({
      data: await tickets.addNote(params.id, body.text, actorOf(principal)),
    }),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/:id/events',
    summary: 'Timeline events: status changes, assignment, reopening',
    tag: 'tickets',
    params: IdParams,
    handler: async ({ params }) => ({ data: await tickets.listEvents(params.id) }),
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/:id/read',
    summary: 'Mark the ticket read for the signed-in user (the customer sees blue ticks on WhatsApp)',
    tag: 'tickets',
    params: IdParams,
    response: { status: 204, description: 'Marked read' },
    handler: async ({ params, principal, reply }) => {
      if (principal.userId) {
        await tickets.markRead(params.id, principal.userId);
      }
      await deps.onRead?.(params.id);
      return reply.status(204).send();
    },
  });
}
