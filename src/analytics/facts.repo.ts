import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../store/index.ts';
import type { FactFilter, Range, SurveyFact, SurveyKind, TicketFact, Volume } from './analytics.types.ts';
import { foldConversation } from './conversation.ts';

type TicketQuery<O> = SelectQueryBuilder<Database, 'tickets', O>;

function filtered<O>(query: TicketQuery<O>, range: Range, filter: FactFilter): TicketQuery<O> {
  let q = query.where('tickets.created_at', '>=', range.from).where('tickets.created_at', '<', range.to);
  if (filter.agentId) {
    q = q.where('tickets.assignee_id', '=', filter.agentId);
  }
  if (filter.teamId) {
    q = q.where('tickets.team_id', '=', filter.teamId);
  }
  return q;
}

/** Tickets opened in the range, with what their messages and the contact's other tickets say. */
export async function loadTicketFacts(
  db: Kysely<Database>,
  range: Range,
  filter: FactFilter = {},
): Promise<TicketFact[]> {
  const rows = await filtered(
    db
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
      ]),
    range,
    filter,
  ).execute();
  const messages = await filtered(
    db
      .selectFrom('tickets')
      .innerJoin('messages', 'messages.ticket_id', 'tickets.id')
      .select(['messages.ticket_id', 'messages.author_type', 'messages.created_at'])
      .where('messages.direction', '!=', 'internal')
      .orderBy('messages.ticket_id')
      .orderBy('messages.created_at')
      .orderBy('messages.id'),
    range,
    filter,
  ).execute();
  const byTicket = new Map<string, typeof messages>();
  for (const message of messages) {
    const list = byTicket.get(message.ticket_id);
    if (list) {
      list.push(message);
    } else {
      byTicket.set(message.ticket_id, [message]);
    }
  }
  return rows.map((row) => {
    const conversation = foldConversation(
      (byTicket.get(row.id) ?? []).map((m) => ({ author: m.author_type, at: Number(m.created_at) })),
    );
    return {
      id: row.id,
      contactId: row.contact_id,
      openedAt: Number(row.created_at),
      firstInboundAt: numberOrNull(row.first_inbound_at),
      firstResponseAt: numberOrNull(row.first_response_at),
      solvedAt: numberOrNull(row.solved_at),
      closedAt: numberOrNull(row.closed_at),
      reopenCount: Number(row.reopen_count),
      botResolved: Boolean(row.bot_resolved),
      ...conversation,
      nextTicketAt: numberOrNull(row.next_ticket_at),
      previousTicketAt: numberOrNull(row.previous_ticket_at),
      team: row.team_id,
      agent: row.assignee_id,
      tier: row.tier,
      category: row.category,
      language: row.language,
      channel: row.channel_id,
      segment: row.segment,
    };
  });
}

/** Surveys sent in the range, with the dimensions of their ticket and contact. */
export async function loadSurveyFacts(
  db: Kysely<Database>,
  range: Range,
  filter: FactFilter = {},
): Promise<SurveyFact[]> {
  let query = db
    .selectFrom('surveys')
    .leftJoin('tickets', 'tickets.id', 'surveys.ticket_id')
    .innerJoin('contacts', 'contacts.id', 'surveys.contact_id')
    .select([
      'surveys.kind',
      'surveys.sent_at',
      'surveys.score',
      'surveys.team_id',
      'surveys.agent_id',
      'tickets.tier',
      'tickets.category',
      'tickets.language',
      'tickets.channel_id',
      'contacts.segment',
    ])
    .where('surveys.sent_at', '>=', range.from)
    .where('surveys.sent_at', '<', range.to);
  if (filter.agentId) {
    query = query.where('surveys.agent_id', '=', filter.agentId);
  }
  if (filter.teamId) {
    query = query.where('surveys.team_id', '=', filter.teamId);
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    kind: row.kind as SurveyKind,
    sentAt: Number(row.sent_at),
    score: numberOrNull(row.score),
    team: row.team_id,
    agent: row.agent_id,
    tier: row.tier,
    category: row.category,
    language: row.language,
    channel: row.channel_id,
    segment: row.segment,
  }));
}

/** Messages and media created in the range (of the filtered tickets), by direction, author and kind. */
export async function loadVolume(
  db: Kysely<Database>,
  range: Range,
  filter: FactFilter = {},
): Promise<Volume> {
  const scoped = <O>(query: TicketQuery<O>) => {
    let q = query;
    if (filter.agentId) {
      q = q.where('tickets.assignee_id', '=', filter.agentId);
    }
    if (filter.teamId) {
      q = q.where('tickets.team_id', '=', filter.teamId);
    }
    return q;
  };
  const [messages, media] = await Promise.all([
    scoped(
      db
        .selectFrom('messages')
        .innerJoin('tickets', 'tickets.id', 'messages.ticket_id')
        .select(['messages.direction', 'messages.author_type', sql<number>`count(*)`.as('n')])
        .where('messages.created_at', '>=', range.from)
        .where('messages.created_at', '<', range.to)
        .groupBy(['messages.direction', 'messages.author_type']),
    ).execute(),
    scoped(
      db
        .selectFrom('media')
        .innerJoin('tickets', 'tickets.id', 'media.ticket_id')
        .select(['media.kind', 'media.direction', sql<number>`count(*)`.as('n')])
        .where('media.message_id', 'is not', null)
        .where('media.created_at', '>=', range.from)
        .where('media.created_at', '<', range.to)
        .groupBy(['media.kind', 'media.direction']),
    ).execute(),
  ]);
  const volume: Volume = { inboundMessages: 0, outboundMessages: { agent: 0, bot: 0, system: 0 }, media: {} };
  for (const row of messages) {
    if (row.direction === 'inbound') {
      volume.inboundMessages += Number(row.n);
    } else if (row.direction === 'outbound' && row.author_type in volume.outboundMessages) {
      volume.outboundMessages[row.author_type as keyof Volume['outboundMessages']] += Number(row.n);
    }
  }
  for (const row of media) {
    volume.media[row.kind] ??= { inbound: 0, outbound: 0 };
    volume.media[row.kind]![row.direction === 'inbound' ? 'inbound' : 'outbound'] += Number(row.n);
  }
  return volume;
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
