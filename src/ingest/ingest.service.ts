import type { DomainEvent } from '../events/index.ts';
import { type Logger, newId } from '../kernel/index.ts';
import { applyStatusUpdate } from '../outbound/index.ts';
import { type Db, type Dialect, lockKeys, prepareQuery } from '../store/index.ts';
import {
  bodyOf,
  type Contact,
  detectLanguage,
  type InboundHook,
  insertMessage,
  openTicketForCustomerMessage,
  type Placement,
  parseSurveyReply,
  recordInboundOnTicket,
  rekeyContactPhone,
  resolveContact,
  ticketForFollowUp,
  ticketForSurveyAnswer,
} from '../tickets/index.ts';
import type { ChannelChange, InboundMessage, MessageContent, SenderProfile } from '../whatsapp/index.ts';
import { findOrCreateChannel } from './channels.ts';
import { applyFollowUp, FOLLOW_UP_KINDS, followUpTarget } from './follow-ups.ts';

export interface IngestDeps {
  dialect: Dialect;
  /** Business numbers whose row is known to be committed (phone_number_id → channel id). */
  knownChannels: ReadonlyMap<string, string>;
  reopenWindowMs: number;
  hooks: readonly InboundHook[];
  logger: Logger;
}

export interface IngestOutcome {
  events: DomainEvent[];
  messagesStored: number;
  duplicates: number;
  statusesApplied: number;
  /** Channels this change used, to be remembered once the transaction commits. */
  channels: [phoneNumberId: string, channelId: string][];
}

/** Kinds that start or refresh the 24-hour customer-service window (content and interactive replies). */
const WINDOW_KINDS = new Set<MessageContent['kind']>([
  'text',
  'media',
  'location',
  'contacts',
  'interactive',
  'button',
  'order',
]);

interface TicketActivity {
  type: string;
  body: string | null;
  at: number;
  refreshesWindow: boolean;
}

/**
 * Applies one webhook change inside the caller's transaction: contacts, tickets, messages, statuses
 * and outbox jobs. Idempotent: a redelivered message (same wamid) changes nothing. Work is shared
 * per sender (one contact lookup, one ticket placement, one activity update for their messages).
 */
export async function ingestChange(
  db: Db,
  change: ChannelChange,
  now: number,
  deps: IngestDeps,
): Promise<IngestOutcome> {
  const outcome: IngestOutcome = {
    events: [],
    messagesStored: 0,
    duplicates: 0,
    statusesApplied: 0,
    channels: [],
  };
  const known = deps.knownChannels.get(change.phoneNumberId);
  const channel = known ? { id: known } : await findOrCreateChannel(db, change, now);
  outcome.channels.push([change.phoneNumberId, channel.id]);
  const seen = await findStoredWamids(db, change.messages);
  for (const group of groupBySender(change.messages)) {
    await ingestSenderMessages(db, {
      channelId: channel.id,
      group,
      senders: change.senders,
      seen,
      now,
      deps,
      outcome,
    });
  }
  for (const status of change.statuses) {
    await lockKeys(db, deps.dialect, [`wamid:${status.wamid}`]);
    const updated = await applyStatusUpdate(db, status, now);
    if (updated) {
      outcome.statusesApplied += 1;
      outcome.events.push({ type: 'message.updated', ...updated });
    }
  }
  for (const warning of change.warnings ?? []) {
    deps.logger.warn(
      { path: warning.path, phoneNumberId: change.phoneNumberId },
      `webhook content not understood: ${warning.message}`,
    );
  }
  for (const error of change.errors) {
    deps.logger.warn(
      { code: error.code, title: error.title, phoneNumberId: change.phoneNumberId },
      'WhatsApp reported an error',
    );
  }
  return outcome;
}

// Webhooks carry one to three messages almost always: those sizes get a prepared query each.
const storedWamids = [
  prepareQuery((db, a: string) => db.selectFrom('messages').select('wamid').where('wamid', 'in', [a])),
  prepareQuery((db, a: string, b: string) =>
    db.selectFrom('messages').select('wamid').where('wamid', 'in', [a, b]),
  ),
  prepareQuery((db, a: string, b: string, c: string) =>
    db.selectFrom('messages').select('wamid').where('wamid', 'in', [a, b, c]),
  ),
] as const;

async function findStoredWamids(db: Db, messages: readonly InboundMessage[]): Promise<Set<string>> {
  const wamids = messages.map((m) => m.wamid);
  const [a, b, c] = wamids;
  const rows =
    a === undefined
      ? []
      : wamids.length === 1
        ? await storedWamids[0](db, a)
        : wamids.length === 2 && b !== undefined
          ? await storedWamids[1](db, a, b)
          : wamids.length === 3 && b !== undefined && c !== undefined
            ? await storedWamids[2](db, a, b, c)
            : await db.selectFrom('messages').select('wamid').where('wamid', 'in', wamids).execute();
  return new Set(rows.map((r) => r.wamid!));
}

/** Messages per sender, each group in timestamp order. */
function groupBySender(messages: readonly InboundMessage[]): InboundMessage[][] {
  const groups = new Map<string, InboundMessage[]>();
  for (const message of messages) {
    const key = `${message.fromWaId ?? ''}|${message.fromUserId ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), message]);
  }
  return [...groups.values()].map((group) => group.sort((a, b) => a.timestamp - b.timestamp));
}

interface SenderInput {
  channelId: string;
  group: InboundMessage[];
  senders: readonly SenderProfile[];
  seen: Set<string>;
  now: number;
  deps: IngestDeps;
  outcome: IngestOutcome;
}

async function ingestSenderMessages(db: Db, input: SenderInput): Promise<void> {
  const { group, deps, outcome, now, seen } = input;
  const fresh = group.filter((m) => !seen.has(m.wamid));
  outcome.duplicates += group.length - fresh.length;
  const first = fresh[0];
  if (!first) {
    return;
  }
  const profile = input.senders.find(
    (s) =>
      (first.fromWaId && s.waId === first.fromWaId) || (first.fromUserId && s.userId === first.fromUserId),
  );
  const waId = first.fromWaId ?? profile?.waId;
  const bsuid = first.fromUserId ?? profile?.userId;
  // Serialise everything about this customer across concurrent deliveries and processes.
  await lockKeys(db, deps.dialect, [waId && `wa:${waId}`, bsuid && `bsuid:${bsuid}`].filter(isString));
  const resolved = await resolveContact(
    db,
    { waId, bsuid, name: profile?.name, username: profile?.username },
    now,
  );
  const contact = resolved.contact;
  let placement: Placement | undefined;
  const activity = new Map<string, TicketActivity[]>();

  for (const message of fresh) {
    if (seen.has(message.wamid)) {
      outcome.duplicates += 1;
      continue;
    }
    seen.add(message.wamid);
    const content = message.content;
    if (content.kind === 'system' && content.newWaId) {
      await rekeyContactPhone(db, contact.id, content.newWaId, now);
    }
    const surveyAnswer = parseSurveyReply(content);
    const surveyTicket = surveyAnswer
      ? await ticketForSurveyAnswer(db, { contactId: contact.id, surveyId: surveyAnswer.surveyId })
      : undefined;
    let target: Placement;
    if (surveyTicket) {
      target = surveyTicket;
    } else if (FOLLOW_UP_KINDS.has(content.kind)) {
      target = await ticketForFollowUp(db, deps.dialect, {
        contactId: contact.id,
        channelId: input.channelId,
        targetWamid: followUpTarget(content),
        now,
      });
    } else {
      // A sender's messages in one webhook share the ticket found (or opened) for the first of them.
      placement =
        placement ??
        (await openTicketForCustomerMessage(db, deps.dialect, {
          contactId: contact.id,
          channelId: input.channelId,
          referral: message.referral,
          reopenWindowMs: deps.reopenWindowMs,
          now,
          isNewContact: resolved.created,
        }));
      target = placement;
    }
    const messageId = await storeMessage(db, {
      message,
      contact,
      channelId: input.channelId,
      ticketId: target.ticketId,
      now,
    });
    await applyFollowUp(db, content, now, outcome);
    const body = bodyOf(content);
    activity.set(target.ticketId, [
      ...(activity.get(target.ticketId) ?? []),
      { type: message.type, body, at: message.timestamp, refreshesWindow: WINDOW_KINDS.has(content.kind) },
    ]);
    for (const hook of deps.hooks) {
      await hook(db, { ticketId: target.ticketId, messageId, contact, message });
    }
    outcome.messagesStored += 1;
    outcome.events.push(
      { type: target.created ? 'ticket.created' : 'ticket.updated', ticketId: target.ticketId },
      { type: 'message.created', ticketId: target.ticketId, messageId },
    );
  }
  for (const [ticketId, entries] of activity) {
    await recordInboundOnTicket(db, ticketId, { entries, now });
  }
  if (contact.language === null) {
    await learnLanguage(db, contact.id, [...activity.keys()], fresh);
  }
}

/** Sets the customer's language (and their tickets') from the first message long enough to tell. */
async function learnLanguage(
  db: Db,
  contactId: string,
  ticketIds: string[],
  messages: readonly InboundMessage[],
) {
  for (const message of messages) {
    const text = bodyOf(message.content);
    const language = text ? detectLanguage(text) : null;
    if (language) {
      await db.updateTable('contacts').set({ language }).where('id', '=', contactId).execute();
      if (ticketIds.length > 0) {
        await db
          .updateTable('tickets')
          .set({ language })
          .where('id', 'in', ticketIds)
          .where('language', 'is', null)
          .execute();
      }
      return;
    }
  }
}

async function storeMessage(
  db: Db,
  input: { message: InboundMessage; contact: Contact; channelId: string; ticketId: string; now: number },
): Promise<string> {
  const { message } = input;
  const content = message.content;
  const id = newId();
  await insertMessage(db, {
    id,
    ticketId: input.ticketId,
    contactId: input.contact.id,
    channelId: input.channelId,
    direction: 'inbound',
    authorType: 'customer',
    authorId: input.contact.id,
    wamid: message.wamid,
    type: message.type,
    body: bodyOf(content),
    content: { ...content, errors: message.errors.length > 0 ? message.errors : undefined, raw: message.raw },
    contextWamid: content.kind === 'reaction' ? content.targetWamid : (message.context?.quotedWamid ?? null),
    forwarded: message.context?.forwarded ?? false,
    frequentlyForwarded: message.context?.frequentlyForwarded ?? false,
    referral: message.referral ?? null,
    status: 'received',
    idempotencyKey: null,
    customerTimestamp: message.timestamp,
    createdAt: input.now,
  });
  return id;
}

function isString(value: string | undefined | false | ''): value is string {
  return typeof value === 'string' && value.length > 0;
}
