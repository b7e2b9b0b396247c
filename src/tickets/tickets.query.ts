import { type ExpressionBuilder, sql } from 'kysely';
import { type TicketViewer as Viewer, visibleTickets } from '../auth/index.ts';
import { invalidInput } from '../kernel/index.ts';
import type { Database, Db } from '../store/index.ts';
import { toContact } from './contacts.repo.ts';
import { listTags, toTicket } from './tickets.repo.ts';
import type { Contact, Priority, Ticket, TicketStatus } from './tickets.types.ts';

export const TICKET_VIEWS = ['mine', 'unassigned', 'my_teams', 'all', 'pending', 'solved'] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];
export const TICKET_SORTS = ['last_activity', 'priority', 'waiting'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export interface TicketFilter {
  view?: TicketView;
  status?: TicketStatus[];
  assigneeId?: string | null;
  teamId?: string;
  tag?: string;
  priority?: Priority[];
  language?: string;
  contactId?: string;
  q?: string;
  updatedSince?: number;
}

export interface TicketSummary extends Ticket {
  contact: Contact;
  waitingSince: number | null;
  unread: boolean;
}

const ACTIVE = ['new', 'open', 'pending'];
const NO_WAIT = 9_007_199_254_740_991;

type Eb = ExpressionBuilder<Database, 'tickets'>;

const priorityRank = (eb: Eb) =>
  eb
    .case('tickets.priority')
    .when('urgent')
    .then(4)
    .when('high')
    .then(3)
    .when('normal')
    .then(2)
    .else(1)
    .end();

/** When the customer has been waiting since (last unanswered message), or a far-future sentinel. */
const waitingKey = (eb: Eb) =>
  eb
    .case()
    .when(
      eb.and([
        eb('tickets.status', 'in', ACTIVE),
        eb('tickets.last_inbound_at', 'is not', null),
        eb('tickets.last_inbound_at', '>', eb.fn.coalesce('tickets.last_outbound_at', eb.val(0))),
      ]),
    )
    .then(eb.ref('tickets.last_inbound_at'))
    .else(eb.val(NO_WAIT))
    .end();

interface Cursor {
  k: number;
  id: string;
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof value.k === 'number' && typeof value.id === 'string') {
      return value;
    }
  } catch {
    // fall through to the error below
  }
  throw invalidInput('pagination.invalid_cursor', 'cursor: is not a cursor returned by this endpoint.', {
    field: 'cursor',
  });
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** Filtered, sorted, cursor-paginated tickets with their contact, tags, waiting time and unread flag. */
export async function listTickets(
  db: Db,
  filter: TicketFilter,
  viewer: Viewer,
  page: { sort: TicketSort; limit: number; cursor?: string },
): Promise<{ data: TicketSummary[]; nextCursor: string | null }> {
  const sortKey = (eb: Eb) =>
    page.sort === 'priority'
      ? priorityRank(eb)
      : page.sort === 'waiting'
        ? waitingKey(eb)
        : eb.ref('tickets.last_message_at');
  // Priority and activity sort newest/highest first; waiting sorts longest wait (oldest) first.
  const descending = page.sort !== 'waiting';
  let query = applyFilter(
    db.selectFrom('tickets').innerJoin('contacts', 'contacts.id', 'tickets.contact_id'),
    filter,
    viewer,
  )
    .selectAll('tickets')
    .select([
      'contacts.wa_id',
      'contacts.bsuid',
      'contacts.username',
      'contacts.name',
      'contacts.language as contact_language',
    ])
    .select((eb) => sortKey(eb).as('sort_key'))
    .select((eb) => waitingKey(eb).as('waiting_key'))
    .select((eb) =>
      eb
        .selectFrom('ticket_reads')
        .select('read_at')
        .whereRef('ticket_reads.ticket_id', '=', 'tickets.id')
        .where('ticket_reads.user_id', '=', viewer.userId ?? '')
        .as('read_at'),
    );
  if (page.cursor) {
    const { k, id } = decodeCursor(page.cursor);
    query = query.where((eb) =>
      descending
        ? eb.or([eb(sortKey(eb), '<', k), eb.and([eb(sortKey(eb), '=', k), eb('tickets.id', '<', id)])])
        : eb.or([eb(sortKey(eb), '>', k), eb.and([eb(sortKey(eb), '=', k), eb('tickets.id', '>', id)])]),
    );
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await query
    .orderBy(sql.ref('sort_key'), direction)
    .orderBy('tickets.id', direction)
    .limit(page.limit + 1)
    .execute();
  const pageRows = rows.slice(0, page.limit);
  const tags = await listTags(
    db,
    pageRows.map((r) => r.id),
  );
  const data = pageRows.map((row) => {
    const waiting = Number(row.waiting_key);
    return {
      ...toTicket(row, tags.get(row.id) ?? []),
      contact: toContact({ ...row, id: row.contact_id, language: row.contact_language }),
      waitingSince: waiting === NO_WAIT ? null : waiting,
      unread:
        row.last_inbound_at !== null && (row.read_at === null || Number(row.read_at) < row.last_inbound_at),
    };
  });
  const last = pageRows.at(-1);
  return {
    data,
    nextCursor:
      rows.length > page.limit && last ? encodeCursor({ k: Number(last.sort_key), id: last.id }) : null,
  };
}

/** Number of tickets in each inbox view, for the viewer. */
export async function countTicketViews(db: Db, viewer: Viewer): Promise<Record<TicketView, number>> {
  const counts = await Promise.all(
    TICKET_VIEWS.map(async (view) => {
      const row = await applyFilter(
        db.selectFrom('tickets').innerJoin('contacts', 'contacts.id', 'tickets.contact_id'),
        { view },
        viewer,
      )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [view, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<TicketView, number>;
}

type TicketQuery = ReturnType<typeof baseQuery>;
const baseQuery = (db: Db) =>
  db.selectFrom('tickets').innerJoin('contacts', 'contacts.id', 'tickets.contact_id');

function applyFilter(query: TicketQuery, filter: TicketFilter, viewer: Viewer): TicketQuery {
  let q = applyView(query.where(visibleTickets(viewer)), filter.view ?? 'all', viewer);
  if (filter.status && filter.status.length > 0) {
    q = q.where('tickets.status', 'in', filter.status);
  }
  if (filter.assigneeId !== undefined) {
    q =
      filter.assigneeId === null
        ? q.where('tickets.assignee_id', 'is', null)
        : q.where('tickets.assignee_id', '=', filter.assigneeId);
  }
  if (filter.teamId) {
    q = q.where('tickets.team_id', '=', filter.teamId);
  }
  if (filter.priority && filter.priority.length > 0) {
    q = q.where('tickets.priority', 'in', filter.priority);
  }
  if (filter.language) {
    q = q.where((eb) =>
      eb.or([eb('tickets.language', '=', filter.language!), eb('contacts.language', '=', filter.language!)]),
    );
  }
  if (filter.contactId) {
    q = q.where('tickets.contact_id', '=', filter.contactId);
  }
  if (filter.updatedSince !== undefined) {
    q = q.where('tickets.updated_at', '>=', filter.updatedSince);
  }
  if (filter.tag) {
    const tag = filter.tag;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ticket_tags')
          .select('ticket_tags.tag')
          .whereRef('ticket_tags.ticket_id', '=', 'tickets.id')
          .where('ticket_tags.tag', '=', tag),
      ),
    );
  }
  if (filter.q) {
    q = applySearch(q, filter.q);
  }
  return q;
}

function applyView(q: TicketQuery, view: TicketView, viewer: Viewer): TicketQuery {
  switch (view) {
    case 'mine':
      return q.where('tickets.assignee_id', '=', viewer.userId ?? '').where('tickets.status', 'in', ACTIVE);
    case 'unassigned':
      return q.where('tickets.assignee_id', 'is', null).where('tickets.status', 'in', ACTIVE);
    case 'my_teams':
      return viewer.teamIds.length === 0
        ? q.where(sql<boolean>`1 = 0`)
        : q.where('tickets.team_id', 'in', [...viewer.teamIds]).where('tickets.status', 'in', ACTIVE);
    case 'pending':
      return q.where('tickets.status', '=', 'pending');
    case 'solved':
      return q.where('tickets.status', '=', 'solved');
    case 'all':
      return q;
  }
}

/** Text search over the ticket number, the customer's name, phone and username, and message text. */
function applySearch(q: TicketQuery, text: string): TicketQuery {
  const term = text.trim();
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const number = /^#?\d+$/.test(term) ? Number(term.replace('#', '')) : null;
  return q.where((eb) =>
    eb.or([
      ...(number !== null ? [eb('tickets.number', '=', number)] : []),
      eb(sql`lower(contacts.name)`, 'like', sql`lower(${like}) escape '\\'`),
      eb(sql`contacts.wa_id`, 'like', sql`${like} escape '\\'`),
      eb(sql`lower(contacts.username)`, 'like', sql`lower(${like}) escape '\\'`),
      eb.exists(
        eb
          .selectFrom('messages')
          .select('messages.id')
          .whereRef('messages.ticket_id', '=', 'tickets.id')
          .where(sql`lower(messages.body)`, 'like', sql`lower(${like}) escape '\\'`),
      ),
    ]),
  );
}
