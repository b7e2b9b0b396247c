import type { DomainEvent } from '../events/index.ts';
import { applyStatusUpdate } from '../outbound/index.ts';
import { type Db, type Dialect, lockKeys } from '../store/index.ts';
import {
  type Contact,
  findMessageByWamid,
  hasWamid,
  type InboundHook,
  openTicketForCustomerMessage,
  recordInboundOnTicket,
  rekeyContactPhone,
  resolveContact,
  ticketForFollowUp,
  insertMessage,
  bodyOf,
} from '../tickets/index.ts';
import { newId, type Logger } from '../kernel/index.ts';
import type { ChannelChange, InboundMessage, MessageContent, SenderProfile } from '../whatsapp/index.ts';
import { findOrCreateChannel } from './channels.ts';

export interface IngestDeps {
  dialect: Dialect;
  reopenWindowMs: number;
  hooks: readonly InboundHook[];
  logger: Logger;
}

export interface IngestOutcome {
  events: DomainEvent[];
  messagesStored: number;
  duplicates: number;
  statusesApplied: number;
}

/** Kinds that refer to an earlier message: they never open or reopen a ticket. */
const FOLLOW_UP_KINDS = new Set<MessageContent['kind']>(['reaction', 'edit', 'revoke', 'system']);

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

/**
 * Applies one webhook change inside the caller's transaction: contacts, tickets, messages, statuses
 * and outbox jobs. Idempotent: a redelivered message (same wamid) changes nothing.
 */
export async function ingestChange(db: Db, change: ChannelChange, now: number, deps: IngestDeps): Promise<IngestOutcome> {
  const outcome: IngestOutcome = { events: [], messagesStored: 0, duplicates: 0, statusesApplied: 0 };
  const channel = await findOrCreateChannel(db, change, now);
  const ordered = [...change.messages].sort((a, b) => a.timestamp - b.timestamp);
  for (const message of ordered) {
    await ingestMessage(db, { channelId: channel.id, message, senders: change.senders, now, deps, outcome });
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
    deps.logger.warn({ path: warning.path, phoneNumberId: change.phoneNumberId }, `webhook content not understood: ${warning.message}`);
  }
  for (const error of change.errors) {
    deps.logger.warn({ code: error.code, title: error.title, phoneNumberId: change.phoneNumberId }, 'WhatsApp reported an error');
  }
  return outcome;
}

interface MessageInput {
  channelId: string;
  message: InboundMessage;
  senders: readonly SenderProfile[];
  now: number;
  deps: IngestDeps;
  outcome: IngestOutcome;
}

async function ingestMessage(db: Db, input: MessageInput): Promise<void> {
  const { message, deps, outcome, now } = input;
  const profile = input.senders.find(
    (s) => (message.fromWaId && s.waId === message.fromWaId) || (message.fromUserId && s.userId === message.fromUserId),
  );
  const waId = message.fromWaId ?? profile?.waId;
  const bsuid = message.fromUserId ?? profile?.userId;
  // Serialise everything about this customer across concurrent deliveries and processes.
  await lockKeys(db, deps.dialect, [waId && `wa:${waId}`, bsuid && `bsuid:${bsuid}`].filter(isString));
  if (await hasWamid(db, message.wamid)) {
    outcome.duplicates += 1;
    return;
  }
  const { contact } = await resolveContact(db, { waId, bsuid, name: profile?.name, username: profile?.username }, now);
  const content = message.content;
  if (content.kind === 'system' && content.newWaId) {
    await rekeyContactPhone(db, contact.id, content.newWaId, now);
  }

  const placement = FOLLOW_UP_KINDS.has(content.kind)
    ? await ticketForFollowUp(db, deps.dialect, { contactId: contact.id, channelId: input.channelId, targetWamid: targetOf(content), now })
    : await openTicketForCustomerMessage(db, deps.dialect, {
        contactId: contact.id,
        channelId: input.channelId,
        referral: message.referral,
        reopenWindowMs: deps.reopenWindowMs,
        now,
      });

  const messageId = newId();
  const body = bodyOf(content);
  await insertMessage(db, {
    id: messageId,
    ticketId: placement.ticketId,
    contactId: contact.id,
    channelId: input.channelId,
    direction: 'inbound',
    authorType: 'customer',
    authorId: contact.id,
    wamid: message.wamid,
    type: message.type,
    body,
    content: { ...content, errors: message.errors.length > 0 ? message.errors : undefined, raw: message.raw },
    contextWamid: content.kind === 'reaction' ? content.targetWamid : (message.context?.quotedWamid ?? null),
    forwarded: message.context?.forwarded ?? false,
    frequentlyForwarded: message.context?.frequentlyForwarded ?? false,
    referral: message.referral ?? null,
    status: 'received',
    idempotencyKey: null,
    customerTimestamp: message.timestamp,
    createdAt: now,
  });
  await applyFollowUp(db, content, now, outcome);
  await recordInboundOnTicket(db, placement.ticketId, {
    type: message.type,
    body,
    at: message.timestamp,
    refreshesWindow: WINDOW_KINDS.has(content.kind),
    now,
  });
  const context = { ticketId: placement.ticketId, messageId, contact: contact as Contact, message };
  for (const hook of deps.hooks) {
    await hook(db, context);
  }
  outcome.messagesStored += 1;
  outcome.events.push(
    { type: placement.created ? 'ticket.created' : 'ticket.updated', ticketId: placement.ticketId },
    { type: 'message.created', ticketId: placement.ticketId, messageId },
  );
}

/** Edits and deletions change the message they refer to (kept, flagged, shown as such). */
async function applyFollowUp(db: Db, content: MessageContent, now: number, outcome: IngestOutcome): Promise<void> {
  const targetWamid = content.kind === 'edit' || content.kind === 'revoke' ? content.targetWamid : undefined;
  if (!targetWamid) {
    return;
  }
  const target = await findMessageByWamid(db, targetWamid);
  if (!target) {
    return;
  }
  if (content.kind === 'edit' && content.newContent) {
    await db
      .updateTable('messages')
      .set({ body: bodyOf(content.newContent), edited_at: now })
      .where('id', '=', target.id)
      .execute();
  } else if (content.kind === 'revoke') {
    await db.updateTable('messages').set({ deleted_at: now }).where('id', '=', target.id).execute();
  }
  outcome.events.push({ type: 'message.updated', ticketId: target.ticket_id, messageId: target.id });
}

function targetOf(content: MessageContent): string | undefined {
  switch (content.kind) {
    case 'reaction':
    case 'revoke':
      return content.targetWamid;
    case 'edit':
      return content.targetWamid;
    default:
      return undefined;
  }
}

function isString(value: string | undefined | false | ''): value is string {
  return typeof value === 'string' && value.length > 0;
}
