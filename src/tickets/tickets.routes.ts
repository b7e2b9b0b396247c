import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { maskFinancialNumbers, type Principal, ticketViewerOf } from '../auth/index.ts';
import { addRoute, IdParams } from '../http/route.ts';
import type { Reply, ReplyService } from '../outbound/index.ts';
import type { Database } from '../store/index.ts';
import type { MessageView } from './message-dto.ts';
import { requireVisibleTicket } from './ticket-guard.ts';
import { countTicketViews, listTickets } from './tickets.query.ts';
import { MessagesQuery, NoteBody, ReplyBody, TicketListQuery, TicketPatchBody } from './tickets.schemas.ts';
import type { TicketService } from './tickets.service.ts';
import type { Actor } from './tickets.types.ts';

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

const actorOf = (principal: Principal): Actor => ({ type: 'agent', id: principal.userId });

/** Sensitive media stays listed (the agent knows something was sent) but without links to open it. */
function withoutSensitiveUrls(message: MessageView): MessageView {
  return message.media?.sensitiveClass ? { ...message, media: { ...message.media, urls: null } } : message;
}

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
  /**
   * Team scoping: a ticket the caller may not see answers 404, as if it did not exist; reaching for
   * another team's ticket that does exist is recorded in the audit trail.
   */
  const visible = (principal: Principal, id: string, request: FastifyRequest) =>
    requireVisibleTicket(db, principal, id, request);

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets',
    summary: 'List tickets with filters, search, sort and cursor pagination',
    tag: 'tickets',
    permission: 'tickets.read',
    query: TicketListQuery,
    handler: async ({ query, principal }) => {
      const { sort, limit, cursor, assigneeId, ...filter } = query;
      const assignee =
        assigneeId === 'none' ? null : assigneeId === 'me' ? (principal.userId ?? '') : assigneeId;
      const page = await listTickets(
        db,
        { ...filter, ...(assignee !== undefined ? { assigneeId: assignee } : {}) },
        ticketViewerOf(principal),
        { sort, limit, cursor },
      );
      if (principal.permissions.includes('tickets.read_unmasked')) {
        return page;
      }
      const mask = (text: string | null) => (text === null ? null : maskFinancialNumbers(text));
      return {
        ...page,
        data: page.data.map((t) => ({ ...t, lastMessagePreview: mask(t.lastMessagePreview) })),
      };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/counts',
    summary: 'Ticket counts per inbox view',
    tag: 'tickets',
    permission: 'tickets.read',
    handler: async ({ principal }) => countTicketViews(db, ticketViewerOf(principal)),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/:id',
    summary: 'Ticket detail with contact, 24-hour window and previous tickets',
    tag: 'tickets',
    permission: 'tickets.read',
    params: IdParams,
    handler: async ({ params, principal, request }) =>
      tickets.getDetail(params.id, await visible(principal, params.id, request)),
  });

  addRoute(app, {
    method: 'PATCH',
    url: '/api/v1/tickets/:id',
    summary: 'Change status, priority, assignee, team or tags',
    tag: 'tickets',
    permission: 'tickets.write',
    params: IdParams,
    body: TicketPatchBody,
    handler: async ({ params, body, principal, audit, request }) => {
      const viewer = await visible(principal, params.id, request);
      const detail = await tickets.update(params.id, body, actorOf(principal), viewer);
      if (body.assigneeId !== undefined || body.teamId !== undefined) {
        await audit({
          action: 'ticket.reassigned',
          target: { type: 'ticket', id: params.id },
          details: { assigneeId: body.assigneeId, teamId: body.teamId },
        });
      }
      return detail;
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/:id/messages',
    summary: 'Messages of a ticket, oldest first (cursor pagination)',
    tag: 'tickets',
    permission: 'tickets.read',
    params: IdParams,
    query: MessagesQuery,
    handler: async ({ params, query, principal, request }) => {
      await visible(principal, params.id, request);
      const page = await tickets.listMessages(params.id, { limit: query.limit, afterId: query.cursor });
      return principal.permissions.includes('media.read_sensitive')
        ? page
        : { ...page, data: page.data.map(withoutSensitiveUrls) };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/:id/messages',
    summary: 'Reply to the customer (sent through WhatsApp by a background job)',
    tag: 'tickets',
    permission: 'tickets.write',
    params: IdParams,
    body: ReplyBody,
    response: { status: 202, description: 'Stored and queued for sending' },
    handler: async ({ params, body, principal, reply, request }) => {
      await visible(principal, params.id, request);
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
    permission: 'tickets.write',
    params: IdParams,
    body: NoteBody,
    response: { status: 201, description: 'Note stored' },
    handler: async ({ params, body, principal, request }) => {
      await visible(principal, params.id, request);
      return { data: await tickets.addNote(params.id, body.text, actorOf(principal)) };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/:id/events',
    summary: 'Timeline events: status changes, assignment, reopening',
    tag: 'tickets',
    permission: 'tickets.read',
    params: IdParams,
    handler: async ({ params, principal, request }) => {
      await visible(principal, params.id, request);
      return { data: await tickets.listEvents(params.id) };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/:id/read',
    summary: 'Mark the ticket read for the signed-in user (the customer sees blue ticks on WhatsApp)',
    tag: 'tickets',
    permission: 'tickets.read',
    params: IdParams,
    response: { status: 204, description: 'Marked read' },
    handler: async ({ params, principal, reply, request }) => {
      await visible(principal, params.id, request);
      // Read-only callers (auditors) leave no trace with the customer: no blue ticks.
      if (!principal.permissions.includes('tickets.write')) {
        return reply.status(204).send();
      }
      if (principal.userId) {
        await tickets.markRead(params.id, principal.userId);
      }
      await deps.onRead?.(params.id);
      return reply.status(204).send();
    },
  });
}
