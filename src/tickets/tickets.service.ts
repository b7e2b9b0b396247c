import type { Kysely } from 'kysely';
import { type TicketViewer, visibleTickets } from '../auth/index.ts';
import type { DomainEvent, EventBus } from '../events/index.ts';
import { AppError, type Clock, DAY, newId, notFound } from '../kernel/index.ts';
import { type Database, type Db, readJson } from '../store/index.ts';
import { getContact } from './contacts.repo.ts';
import { type MediaViewLoader, type MessageView, toMessageViews } from './message-dto.ts';
import { previewOf } from './message-preview.ts';
import { insertMessage } from './messages.repo.ts';
import { assertAgentTransition } from './ticket-status.ts';
import { findLastInboundAt, findTicket, insertTicketEvent, replaceTags } from './tickets.repo.ts';
import type { Actor, Contact, Priority, Ticket, TicketStatus } from './tickets.types.ts';

export const CUSTOMER_SERVICE_WINDOW_MS = DAY;

export interface TicketDetail extends Ticket {
  contact: Contact;
  window: { open: boolean; expiresAt: number | null };
  previousTickets: { id: string; number: number; status: TicketStatus; createdAt: number }[];
}

/** What an agent's update changed, for modules that react in the same transaction. */
export interface TicketChange {
  status?: { from: TicketStatus; to: TicketStatus };
  priority?: { from: Priority; to: Priority };
}

export interface TicketPatch {
  status?: TicketStatus;
  priority?: Priority;
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
}

/** Fields an agent sets directly: the column, the timeline event, and what the value must refer to. */
const SIMPLE_CHANGES = [
  { field: 'priority', column: 'priority', event: 'priority_changed', references: undefined },
  {
    field: 'assigneeId',
    column: 'assignee_id',
    event: 'assigned',
    references: { table: 'users', what: 'user' },
  },
  { field: 'teamId', column: 'team_id', event: 'team_changed', references: { table: 'teams', what: 'team' } },
] as const;

export function createTicketService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  loadMedia?: MediaViewLoader;
  /** Runs in the transaction of an agent's change (SLA timers pause, resume, stop and re-target on it). */
  onChanged?: (db: Db, ticketId: string, change: TicketChange) => Promise<void>;
}) {
  const { db, clock, events } = deps;

  async function getTicket(id: string): Promise<Ticket> {
    const ticket = await findTicket(db, id);
    if (!ticket) {
      throw notFound('ticket', id);
    }
    return ticket;
  }

  /** Whether a free-form reply may be sent: within 24 h of the customer's last message on this number. */
  async function getWindow(ticket: Ticket): Promise<TicketDetail['window']> {
    const lastInbound = await findLastInboundAt(db, ticket.contactId, ticket.channelId);
    if (lastInbound === null) {
      return { open: false, expiresAt: null };
    }
    const expiresAt = lastInbound + CUSTOMER_SERVICE_WINDOW_MS;
    return { open: clock.now() < expiresAt, expiresAt };
  }

  /** The ticket with its contact, window and the customer's other tickets the viewer may see. */
  async function getDetail(id: string, viewer: TicketViewer): Promise<TicketDetail> {
    const ticket = await getTicket(id);
    const [contact, window, previous] = await Promise.all([
      getContact(db, ticket.contactId),
      getWindow(ticket),
      db
        .selectFrom('tickets')
        .select(['id', 'number', 'status', 'created_at'])
        .where('contact_id', '=', ticket.contactId)
        .where('id', '!=', ticket.id)
        .where(visibleTickets(viewer))
        .orderBy('created_at', 'desc')
        .limit(20)
        .execute(),
    ]);
    return {
      ...ticket,
      contact,
      window,
      previousTickets: previous.map((p) => ({
        id: p.id,
        number: Number(p.number),
        status: p.status as TicketStatus,
        createdAt: p.created_at,
      })),
    };
  }

  async function update(
    id: string,
    patch: TicketPatch,
    actor: Actor,
    viewer: TicketViewer,
  ): Promise<TicketDetail> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const ticket = await findTicket(trx, id);
      if (!ticket) {
        throw notFound('ticket', id);
      }
      if (ticket.status === 'closed') {
        assertAgentTransition('closed', patch.status ?? 'open');
      }
      const set: Record<string, unknown> = {};
      if (patch.status !== undefined && patch.status !== ticket.status) {
        assertAgentTransition(ticket.status, patch.status);
        set.status = patch.status;
        if (patch.status === 'solved') {
          set.solved_at = now;
        }
        if (patch.status === 'closed') {
          set.closed_at = now;
        }
        if (patch.status === 'open' && ticket.status === 'solved') {
          set.solved_at = null;
        }
        await insertTicketEvent(
          trx,
          id,
          'status_changed',
          actor,
          { from: ticket.status, to: patch.status },
          now,
        );
      }
      for (const change of SIMPLE_CHANGES) {
        const next = patch[change.field];
        const current = ticket[change.field];
        if (next === undefined || next === current) {
          continue;
        }
        if (change.references && next !== null) {
          await assertExists(trx, change.references.table, next, change.references.what);
        }
        set[change.column] = next;
        await insertTicketEvent(trx, id, change.event, actor, { from: current, to: next }, now);
      }
      if (patch.tags !== undefined) {
        const tags = [...new Set(patch.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();
        if (tags.join('\u0000') !== ticket.tags.join('\u0000')) {
          await replaceTags(trx, id, tags);
          await insertTicketEvent(trx, id, 'tags_changed', actor, { from: ticket.tags, to: tags }, now);
          set.updated_at = now;
        }
      }
      if (Object.keys(set).length > 0) {
        await trx
          .updateTable('tickets')
          .set({ ...set, updated_at: now })
          .where('id', '=', id)
          .execute();
        await deps.onChanged?.(trx, id, {
          ...(set.status ? { status: { from: ticket.status, to: set.status as TicketStatus } } : {}),
          ...(set.priority ? { priority: { from: ticket.priority, to: set.priority as Priority } } : {}),
        });
      }
    });
    await events.publish([{ type: 'ticket.updated', ticketId: id }]);
    return getDetail(id, viewer);
  }

  async function addNote(ticketId: string, text: string, actor: Actor): Promise<MessageView> {
    const ticket = await getTicket(ticketId);
    const now = clock.now();
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await insertMessage(trx, {
        id,
        ticketId,
        contactId: ticket.contactId,
        channelId: ticket.channelId,
        direction: 'internal',
        authorType: actor.type,
        authorId: actor.id,
        wamid: null,
        type: 'note',
        body: text,
        content: { kind: 'note', body: text },
        contextWamid: null,
        forwarded: false,
        frequentlyForwarded: false,
        referral: null,
        status: 'received',
        idempotencyKey: null,
        customerTimestamp: null,
        createdAt: now,
      });
      // A note is not a response: activity moves, the customer-facing timestamps do not.
      await trx.updateTable('tickets').set({ updated_at: now }).where('id', '=', ticketId).execute();
    });
    const published: DomainEvent[] = [
      { type: 'message.created', ticketId, messageId: id },
      { type: 'ticket.updated', ticketId },
    ];
    await events.publish(published);
    return (await listMessages(ticketId, { limit: 1, afterId: undefined, onlyId: id })).data[0]!;
  }

  async function listMessages(
    ticketId: string,
    page: { limit: number; afterId: string | undefined; onlyId?: string },
  ): Promise<{ data: MessageView[]; nextCursor: string | null }> {
    await getTicket(ticketId);
    let query = db.selectFrom('messages').selectAll().where('ticket_id', '=', ticketId);
    if (page.onlyId) {
      query = query.where('id', '=', page.onlyId);
    }
    if (page.afterId) {
      query = query.where('id', '>', page.afterId);
    }
    const rows = await query
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    const pageRows = rows.slice(0, page.limit);
    return {
      data: await toMessageViews(db, pageRows, deps.loadMedia),
      nextCursor: rows.length > page.limit ? (pageRows.at(-1)?.id ?? null) : null,
    };
  }

  async function listEvents(ticketId: string) {
    await getTicket(ticketId);
    const rows = await db
      .selectFrom('ticket_events')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      actorType: r.actor_type,
      actorId: r.actor_id,
      data: readJson<Record<string, unknown>>(r.data),
      createdAt: r.created_at,
    }));
  }

  async function markRead(ticketId: string, userId: string): Promise<void> {
    await getTicket(ticketId);
    const now = clock.now();
    await db
      .insertInto('ticket_reads')
      .values({ ticket_id: ticketId, user_id: userId, read_at: now })
      .onConflict((oc) => oc.columns(['ticket_id', 'user_id']).doUpdateSet({ read_at: now }))
      .execute();
  }

  return { getTicket, getDetail, getWindow, update, addNote, listMessages, listEvents, markRead, previewOf };
}

export type TicketService = ReturnType<typeof createTicketService>;

async function assertExists(
  db: Kysely<Database>,
  table: 'users' | 'teams',
  id: string | null,
  what: string,
): Promise<void> {
  if (id === null) {
    return;
  }
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new AppError('unprocessable', `${what}.not_found`, `No ${what} with id ${id}.`, {
      details: { field: `${what}Id` },
    });
  }
}
