import type { Selectable } from 'kysely';
import { newId } from '../kernel/index.ts';
import {
  type Db,
  type Dialect,
  insertRow,
  nextTicketNumber,
  prepareQuery,
  readJsonOrNull,
  type TicketsTable,
  writeJson,
} from '../store/index.ts';
import type { Actor, Priority, Ticket, TicketEventKind, TicketStatus } from './tickets.types.ts';

type TicketRow = Selectable<TicketsTable>;

export function toTicket(row: TicketRow, tags: string[]): Ticket {
  return {
    id: row.id,
    number: Number(row.number),
    channelId: row.channel_id,
    contactId: row.contact_id,
    status: row.status as TicketStatus,
    priority: row.priority as Priority,
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    tags,
    language: row.language,
    referral: readJsonOrNull(row.referral),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstInboundAt: row.first_inbound_at,
    lastInboundAt: row.last_inbound_at,
    lastOutboundAt: row.last_outbound_at,
    firstResponseAt: row.first_response_at,
    solvedAt: row.solved_at,
    closedAt: row.closed_at,
    reopenCount: row.reopen_count,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
  };
}

export async function listTags(db: Db, ticketIds: readonly string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  if (ticketIds.length === 0) {
    return tags;
  }
  const rows = await db
    .selectFrom('ticket_tags')
    .select(['ticket_id', 'tag'])
    .where('ticket_id', 'in', ticketIds)
    .orderBy('tag')
    .execute();
  for (const row of rows) {
    tags.set(row.ticket_id, [...(tags.get(row.ticket_id) ?? []), row.tag]);
  }
  return tags;
}

export async function findTicket(db: Db, id: string): Promise<Ticket | null> {
  const row = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTicket(row, (await listTags(db, [id])).get(id) ?? []) : null;
}

// Served by the partial unique index tickets_one_active.
const findActive = prepareQuery((db, contactId: string, channelId: string) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('channel_id', '=', channelId)
    .where('status', 'in', ['new', 'open', 'pending']),
);

const findRecentlySolved = prepareQuery((db, contactId: string, channelId: string, solvedSince: number) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('channel_id', '=', channelId)
    .where('status', '=', 'solved')
    .where('solved_at', '>=', solvedSince)
    .orderBy('solved_at', 'desc')
    .limit(1),
);

/**
 * The ticket a new customer message could join: the active one if any, else the latest solved at or
 * after `solvedSince` (reopen candidate).
 */
export async function findActiveOrReopenableTicket(
  db: Db,
  contactId: string,
  channelId: string,
  solvedSince: number,
): Promise<TicketRow | undefined> {
  return (
    (await findActive(db, contactId, channelId))[0] ??
    (await findRecentlySolved(db, contactId, channelId, solvedSince))[0]
  );
}

export async function findLatestTicket(
  db: Db,
  contactId: string,
  channelId: string,
): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('channel_id', '=', channelId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertTicket(
  db: Db,
  dialect: Dialect,
  input: { channelId: string; contactId: string; now: number; referral: unknown },
): Promise<TicketRow> {
  const row: TicketRow = {
    id: newId(),
    number: await nextTicketNumber(db, dialect),
    channel_id: input.channelId,
    contact_id: input.contactId,
    status: 'new',
    priority: 'normal',
    assignee_id: null,
    team_id: null,
    language: null,
    referral: input.referral === undefined ? null : input.referral,
    created_at: input.now,
    updated_at: input.now,
    first_inbound_at: null,
    last_inbound_at: null,
    last_outbound_at: null,
    first_response_at: null,
    solved_at: null,
    closed_at: null,
    reopen_count: 0,
    last_message_at: input.now,
    last_message_preview: null,
    tier: 'L1',
    category: null,
    category_confidence: null,
    sentiment: null,
    bot_resolved: 0,
  };
  await insertRow(db, 'tickets', {
    ...row,
    referral: row.referral === null ? null : writeJson(row.referral),
    bot_resolved: 0,
  });
  return row;
}

export async function insertTicketEvent(
  db: Db,
  ticketId: string,
  kind: TicketEventKind,
  actor: Actor,
  data: Record<string, unknown>,
  now: number,
): Promise<void> {
  await insertRow(db, 'ticket_events', {
    id: newId(),
    ticket_id: ticketId,
    kind,
    actor_type: actor.type,
    actor_id: actor.id,
    data: writeJson(data),
    created_at: now,
  });
}

export async function replaceTags(db: Db, ticketId: string, tags: readonly string[]): Promise<void> {
  await db.deleteFrom('ticket_tags').where('ticket_id', '=', ticketId).execute();
  if (tags.length > 0) {
    await db
      .insertInto('ticket_tags')
      .values(tags.map((tag) => ({ ticket_id: ticketId, tag })))
      .execute();
  }
}

/** Latest customer message time across this customer's tickets on this number (24 h window). */
export async function findLastInboundAt(
  db: Db,
  contactId: string,
  channelId: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.max('last_inbound_at').as('at'))
    .where('contact_id', '=', contactId)
    .where('channel_id', '=', channelId)
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}
