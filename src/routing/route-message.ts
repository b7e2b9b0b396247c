import type { Kysely } from 'kysely';
import { type Clock, isAppError } from '../kernel/index.ts';
import { type Database, type Db, type Dialect, lockKeys, readJson } from '../store/index.ts';
import { type Actor, detectLanguage, insertTicketEvent, listTags, replaceTags } from '../tickets/index.ts';
import { ASSIGNMENT_LOCK, DEFAULT_MAX_TICKETS, listLoads } from './assignment/assign-waiting.ts';
import type { CompiledRule, RoutingFacts, TicketFields } from './engine/evaluate.ts';
import { evaluateRules } from './engine/evaluate.ts';
import { escalateTicket } from './escalation.ts';
import { type BotTurn, continueSession, startSession } from './flows/bot-session.ts';
import { scoreSentiment } from './sentiment/sentiment.ts';

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);
const ROUTING_ACTOR: Actor = { type: 'bot', id: null };

export interface RoutedMessage {
  ticketId: string;
  language: string | null;
  notes: string[];
  acknowledge: boolean;
  /** What the bot says, when a flow handled or started on this message. */
  bot: BotTurn | undefined;
}

/** The facts rules see for one stored inbound message, or undefined when the message is gone. */
export async function loadFacts(
  db: Db,
  messageId: string,
  now: number,
): Promise<{ facts: RoutingFacts; ticketId: string; replyId: string | undefined } | undefined> {
  const row = await db
    .selectFrom('messages')
    .innerJoin('tickets', 'tickets.id', 'messages.ticket_id')
    .innerJoin('contacts', 'contacts.id', 'tickets.contact_id')
    .innerJoin('channels', 'channels.id', 'tickets.channel_id')
    .select([
      'messages.body',
      'messages.type',
      'messages.content',
      'tickets.id as ticketId',
      'tickets.priority',
      'tickets.tier',
      'tickets.team_id',
      'tickets.category',
      'tickets.language as ticketLanguage',
      'contacts.language as contactLanguage',
      'contacts.vip',
      'contacts.segment',
      'channels.phone_number_id',
    ])
    .select((eb) =>
      eb
        .selectFrom('messages as first')
        .select((f) => f.fn.min('first.id').as('id'))
        .whereRef('first.ticket_id', '=', 'tickets.id')
        .where('first.direction', '=', 'inbound')
        .as('firstInboundId'),
    )
    .where('messages.id', '=', messageId)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const text = row.body ?? '';
  const tags = (await listTags(db, [row.ticketId])).get(row.ticketId) ?? [];
  const content = readJson<{ kind?: string; replyId?: string; payload?: string }>(row.content);
  return {
    ticketId: row.ticketId,
    replyId:
      content.kind === 'interactive'
        ? content.replyId
        : content.kind === 'button'
          ? content.payload
          : undefined,
    facts: {
      isFirstMessage: row.firstInboundId === messageId,
      text,
      language: row.ticketLanguage ?? row.contactLanguage ?? (text ? detectLanguage(text) : null),
      sentiment: text ? scoreSentiment(text) : null,
      mediaKind: MEDIA_TYPES.has(row.type) ? row.type : null,
      vip: Boolean(row.vip),
      segment: row.segment,
      phoneNumberId: row.phone_number_id,
      now,
      ticket: { priority: row.priority, tier: row.tier, teamId: row.team_id, tags, category: row.category },
    },
  };
}

/**
 * Scores and routes one inbound message in one transaction: sentiment onto the ticket, the fired rules'
 * changes with their timeline events, escalations and direct assignments (within the agent's cap).
 * Changes made here never enqueue routing again, so a rule cannot re-trigger itself.
 */
export async function routeMessage(
  deps: { db: Kysely<Database>; dialect: Dialect; clock: Clock },
  rules: readonly CompiledRule[],
  messageId: string,
): Promise<RoutedMessage | undefined> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const loaded = await loadFacts(trx, messageId, now);
    if (!loaded) {
      return undefined;
    }
    const { facts, ticketId } = loaded;
    // A ticket talking to the bot: the flow answers, rules wait until it hands over.
    const inSession = await continueSession(trx, { ticketId, replyId: loaded.replyId, now });
    if (inSession) {
      await applyFields(trx, ticketId, facts, facts.ticket, now);
      return {
        ticketId,
        language: facts.language,
        notes: [],
        acknowledge: false,
        bot: inSession,
      };
    }
    const decision = evaluateRules(rules, facts);
    const fired = decision.trace.filter((t) => t.fired).map((t) => t.name);
    await applyFields(trx, ticketId, facts, decision.ticket, now);
    const notes: string[] = [];
    let acknowledge = false;
    let bot: BotTurn | undefined;
    for (const action of decision.actions) {
      if (action.kind === 'escalate') {
        await escalateTicket(trx, {
          ticketId,
          reason: action.reason,
          actor: ROUTING_ACTOR,
          clock: deps.clock,
        }).catch((error: unknown) => {
          // A rule cannot escalate past L3 or a closed ticket: say so on the ticket, route the rest.
          if (!isAppError(error)) {
            throw error;
          }
          notes.push(`Escalation skipped: ${error.message}`);
        });
      } else if (action.kind === 'assign') {
        await assignDirectly(trx, deps.dialect, ticketId, action.userId, now);
      } else if (action.kind === 'notify') {
        notes.push(action.text);
      } else if (action.kind === 'acknowledge') {
        acknowledge = true;
      } else if (action.kind === 'start_flow' && !bot) {
        bot = await startSession(trx, { ticketId, flowId: action.flowId, now });
      }
    }
    if (fired.length > 0) {
      await insertTicketEvent(
        trx,
        ticketId,
        'routed',
        ROUTING_ACTOR,
        { rules: fired, truncated: decision.truncated },
        now,
      );
    }
    return {
      ticketId,
      language: facts.language,
      notes,
      acknowledge,
      bot,
    };
  });
}

async function applyFields(db: Db, ticketId: string, facts: RoutingFacts, next: TicketFields, now: number) {
  const before = facts.ticket;
  const set: Record<string, unknown> = {};
  if (facts.sentiment !== null) {
    set.sentiment = facts.sentiment;
  }
  const changes = [
    ['team_id', 'teamId', 'team_changed'],
    ['priority', 'priority', 'priority_changed'],
  ] as const;
  for (const [column, field, event] of changes) {
    if (next[field] !== before[field]) {
      set[column] = next[field];
      await insertTicketEvent(
        db,
        ticketId,
        event,
        ROUTING_ACTOR,
        { from: before[field], to: next[field], cause: 'rule' },
        now,
      );
    }
  }
  if (next.tier !== before.tier) {
    set.tier = next.tier;
  }
  if (next.category !== before.category) {
    set.category = next.category;
  }
  if (next.tags.join('\u0000') !== before.tags.join('\u0000')) {
    await replaceTags(db, ticketId, next.tags);
    await insertTicketEvent(
      db,
      ticketId,
      'tags_changed',
      ROUTING_ACTOR,
      { from: before.tags, to: next.tags },
      now,
    );
  }
  if (Object.keys(set).length > 0) {
    await db.updateTable('tickets').set(set).where('id', '=', ticketId).execute();
  }
}

/** A rule naming an agent: assigned if the ticket has nobody and the agent has room, else left to the queue. */
async function assignDirectly(db: Db, dialect: Dialect, ticketId: string, userId: string, now: number) {
  await lockKeys(db, dialect, [ASSIGNMENT_LOCK]);
  const profile = await db
    .selectFrom('agent_profiles')
    .select('max_tickets')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const load = (await listLoads(db, [userId])).get(userId) ?? 0;
  if (load >= (profile?.max_tickets ?? DEFAULT_MAX_TICKETS)) {
    return;
  }
  const result = await db
    .updateTable('tickets')
    .set({ assignee_id: userId })
    .where('id', '=', ticketId)
    .where('assignee_id', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) {
    await insertTicketEvent(
      db,
      ticketId,
      'assigned',
      ROUTING_ACTOR,
      { from: null, to: userId, cause: 'rule' },
      now,
    );
  }
}
