import type { Insertable, Kysely } from 'kysely';
import {
  type AnalyticsTicketFactsTable,
  type Database,
  type Db,
  type Dialect,
  lockKeys,
} from '../store/index.ts';
import { bucketOf } from './buckets.ts';
import { type ConversationFacts, foldConversation } from './conversation.ts';
import { applyRollupDelta, RollupDelta } from './rollup.ts';

const CHUNK = 500;

type FactRow = Insertable<AnalyticsTicketFactsTable>;
interface WaitRow {
  ticket_id: string;
  seq: number;
  opened_at: number;
  agent_id: string | null;
  team_id: string | null;
  wait_ms: number;
  bucket: number;
}
interface MediaRow {
  ticket_id: string;
  opened_at: number;
  kind: string;
  direction: string;
  n: number;
}

/** What the fact tables should hold for these tickets, measured from the raw tables. */
export interface MeasuredTickets {
  facts: FactRow[];
  waits: WaitRow[];
  media: MediaRow[];
}

const flag = (value: boolean) => (value ? 1 : 0);

function duration(from: number | null, to: number | null): { ms: number | null; bucket: number | null } {
  if (from === null || to === null || to < from) {
    return { ms: null, bucket: null };
  }
  return { ms: to - from, bucket: bucketOf(to - from) };
}

/**
 * Measures tickets from the raw tables (docs/analytics.md has the definitions): one query for the
 * tickets with their contact's neighbouring tickets, one for their messages, one for their media.
 */
export async function measureTickets(
  db: Db,
  ticketIds: readonly string[],
  contactWindowMs: number,
): Promise<MeasuredTickets> {
  const measured: MeasuredTickets = { facts: [], waits: [], media: [] };
  for (let i = 0; i < ticketIds.length; i += CHUNK) {
    const ids = ticketIds.slice(i, i + CHUNK);
    const [tickets, messages, media] = await Promise.all([
      selectTickets(db, ids),
      db
        .selectFrom('messages')
        .select(['ticket_id', 'author_type', 'created_at'])
        .where('ticket_id', 'in', ids)
        .where('direction', '!=', 'internal')
        .orderBy('ticket_id')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('media')
        .select(['ticket_id', 'kind', 'direction', (eb) => eb.fn.countAll<number>().as('n')])
        .where('ticket_id', 'in', ids)
        .where('message_id', 'is not', null)
        .groupBy(['ticket_id', 'kind', 'direction'])
        .execute(),
    ]);
    const byTicket = new Map<string, { author: string; at: number }[]>();
    for (const m of messages) {
      const list = byTicket.get(m.ticket_id) ?? [];
      list.push({ author: m.author_type, at: Number(m.created_at) });
      byTicket.set(m.ticket_id, list);
    }
    for (const ticket of tickets) {
      const conversation = foldConversation(byTicket.get(ticket.id) ?? []);
      measured.facts.push(toFactRow(ticket, conversation, contactWindowMs));
      conversation.nextResponses.forEach((wait, seq) => {
        measured.waits.push({
          ticket_id: ticket.id,
          seq,
          opened_at: Number(ticket.created_at),
          agent_id: ticket.assignee_id,
          team_id: ticket.team_id,
          wait_ms: wait,
          bucket: bucketOf(wait),
        });
      });
    }
    const openedAt = new Map(tickets.map((ticket) => [ticket.id, Number(ticket.created_at)]));
    for (const row of media) {
      measured.media.push({
        ticket_id: row.ticket_id!,
        opened_at: openedAt.get(row.ticket_id!)!,
        kind: row.kind,
        direction: row.direction,
        n: Number(row.n),
      });
    }
  }
  return measured;
}

type TicketRow = Awaited<ReturnType<typeof selectTickets>>[number];

function selectTickets(db: Db, ids: readonly string[]) {
  return db
    .selectFrom('tickets')
    .innerJoin('contacts', 'contacts.id', 'tickets.contact_id')
    .select([
      'tickets.id',
      'tickets.contact_id',
      'tickets.created_at',
      'tickets.first_inbound_at',
      'tickets.first_response_at',
      'tickets.solved_at',
      'tickets.closed_at',
      'tickets.reopen_count',
      'tickets.bot_resolved',
      'tickets.team_id',
      'tickets.assignee_id',
      'tickets.tier',
      'tickets.category',
      'tickets.language',
      'tickets.channel_id',
      'contacts.segment',
    ])
    .select((eb) => [
      eb
        .selectFrom('tickets as later')
        .select((e) => e.fn.min('later.created_at').as('at'))
        .whereRef('later.contact_id', '=', 'tickets.contact_id')
        .whereRef('later.created_at', '>', 'tickets.created_at')
        .as('next_ticket_at'),
      eb
        .selectFrom('tickets as earlier')
        .select((e) => e.fn.max('earlier.created_at').as('at'))
        .whereRef('earlier.contact_id', '=', 'tickets.contact_id')
        .whereRef('earlier.created_at', '<', 'tickets.created_at')
        .as('previous_ticket_at'),
    ])
    .where('tickets.id', 'in', ids)
    .execute();
}

function toFactRow(row: TicketRow, conversation: ConversationFacts, contactWindowMs: number): FactRow {
  const n = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const openedAt = Number(row.created_at);
  const firstInboundAt = n(row.first_inbound_at);
  const firstResponseAt = n(row.first_response_at);
  const solvedAt = n(row.solved_at);
  const closedAt = n(row.closed_at);
  const resolvedAt = solvedAt ?? closedAt;
  const nextTicketAt = n(row.next_ticket_at);
  const previousTicketAt = n(row.previous_ticket_at);
  const reopened = Number(row.reopen_count) > 0;
  const frt = duration(firstInboundAt, firstResponseAt);
  const botFrt = duration(firstInboundAt, conversation.firstBotReplyAt);
  const resolution = duration(openedAt, solvedAt);
  const close = duration(openedAt, closedAt);
  return {
    ticket_id: row.id,
    opened_at: openedAt,
    contact_id: row.contact_id,
    team_id: row.team_id,
    agent_id: row.assignee_id,
    channel_id: row.channel_id,
    tier: row.tier,
    category: row.category,
    language: row.language,
    segment: row.segment,
    solved: flag(solvedAt !== null),
    closed: flag(closedAt !== null),
    reopened: flag(reopened),
    resolved: flag(resolvedAt !== null),
    // Resolved, never reopened, and no further ticket of the contact within the window after resolution.
    fcr: flag(
      resolvedAt !== null &&
        !reopened &&
        (nextTicketAt === null || nextTicketAt > resolvedAt + contactWindowMs),
    ),
    repeat_contact: flag(previousTicketAt !== null && openedAt - previousTicketAt <= contactWindowMs),
    bot_resolved: flag(Boolean(row.bot_resolved) && firstResponseAt === null),
    bot_engaged: flag(conversation.firstBotReplyAt !== null),
    takeover: flag(conversation.humanTookOver),
    frt_ms: frt.ms,
    frt_bucket: frt.bucket,
    bot_frt_ms: botFrt.ms,
    bot_frt_bucket: botFrt.bucket,
    resolution_ms: resolution.ms,
    resolution_bucket: resolution.bucket,
    close_ms: close.ms,
    close_bucket: close.bucket,
    inbound_messages: conversation.counts.customer,
    agent_messages: conversation.counts.agent,
    bot_messages: conversation.counts.bot,
    system_messages: conversation.counts.system,
  };
}

/**
 * Replaces the fact rows of these tickets with what the raw tables say now and moves the daily rollup by
 * the difference, in one transaction per chunk (idempotent). Refreshes run one at a time (an advisory
 * lock on PostgreSQL; SQLite has one writer), so two never apply a difference to the same old rows.
 */
export async function refreshFacts(
  db: Kysely<Database>,
  dialect: Dialect,
  ticketIds: readonly string[],
  contactWindowMs: number,
): Promise<void> {
  for (let i = 0; i < ticketIds.length; i += CHUNK) {
    const ids = ticketIds.slice(i, i + CHUNK);
    await db.transaction().execute(async (trx) => {
      await lockKeys(trx, dialect, ['analytics.refresh-facts']);
      const [oldFacts, oldWaits] = await Promise.all([
        trx.selectFrom('analytics_ticket_facts').selectAll().where('ticket_id', 'in', ids).execute(),
        trx.selectFrom('analytics_waits').selectAll().where('ticket_id', 'in', ids).execute(),
      ]);
      const measured = await measureTickets(trx, ids, contactWindowMs);
      const delta = new RollupDelta();
      delta.add(oldFacts, oldWaits, -1);
      delta.add(measured.facts, measured.waits, 1);
      await trx.deleteFrom('analytics_waits').where('ticket_id', 'in', ids).execute();
      await trx.deleteFrom('analytics_ticket_media').where('ticket_id', 'in', ids).execute();
      await trx.deleteFrom('analytics_ticket_facts').where('ticket_id', 'in', ids).execute();
      await insertChunked(trx, 'analytics_ticket_facts', measured.facts);
      await insertChunked(trx, 'analytics_waits', measured.waits);
      await insertChunked(trx, 'analytics_ticket_media', measured.media);
      await applyRollupDelta(trx, delta);
    });
  }
}

async function insertChunked<
  T extends 'analytics_ticket_facts' | 'analytics_waits' | 'analytics_ticket_media',
>(db: Db, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  // 31 columns × 500 rows stays under the bound-parameter limits (SQLite 32,766, PostgreSQL 65,535).
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as Insertable<Database[T]>[])
      .execute();
  }
}
