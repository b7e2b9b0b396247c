import { type Db, type Dialect, prepareQuery } from '../store/index.ts';
import type { AdReferral, InboundMessage } from '../whatsapp/index.ts';
import { previewOf } from './message-preview.ts';
import { findMessageByWamid } from './messages.repo.ts';
import { statusAfterCustomerMessage } from './ticket-status.ts';
import {
  findActiveOrReopenableTicket,
  findLatestTicket,
  insertTicket,
  insertTicketEvent,
} from './tickets.repo.ts';
import { type Contact, SYSTEM_ACTOR, type TicketStatus } from './tickets.types.ts';

export interface Placement {
  ticketId: string;
  created: boolean;
}

/** Runs in the ingest transaction for every stored inbound message (outbox: enqueue follow-up jobs here). */
export type InboundHook = (
  db: Db,
  context: { ticketId: string; messageId: string; contact: Contact; message: InboundMessage },
) => Promise<void>;

/**
 * The ticket a customer's new message belongs to: the active one; else the last solved one when it was
 * solved within the reopen window (reopened); else a new ticket.
 */
export async function openTicketForCustomerMessage(
  db: Db,
  dialect: Dialect,
  input: {
    contactId: string;
    channelId: string;
    referral: AdReferral | undefined;
    reopenWindowMs: number;
    now: number;
    /** A contact created in this transaction has no tickets: skip the lookup. */
    isNewContact?: boolean;
  },
): Promise<Placement> {
  const candidate = input.isNewContact
    ? undefined
    : await findActiveOrReopenableTicket(
        db,
        input.contactId,
        input.channelId,
        input.now - input.reopenWindowMs,
      );
  const active = candidate && candidate.status !== 'solved' ? candidate : undefined;
  if (active) {
    const next = statusAfterCustomerMessage(active.status as TicketStatus);
    if (next !== active.status) {
      await db.updateTable('tickets').set({ status: next }).where('id', '=', active.id).execute();
      await insertTicketEvent(
        db,
        active.id,
        'status_changed',
        SYSTEM_ACTOR,
        { from: active.status, to: next, cause: 'customer_replied' },
        input.now,
      );
    }
    return { ticketId: active.id, created: false };
  }
  const reopenable = candidate?.status === 'solved' ? candidate : undefined;
  if (reopenable) {
    await db
      .updateTable('tickets')
      .set((eb) => ({ status: 'open', solved_at: null, reopen_count: eb('reopen_count', '+', 1) }))
      .where('id', '=', reopenable.id)
      .execute();
    await insertTicketEvent(
      db,
      reopenable.id,
      'reopened',
      SYSTEM_ACTOR,
      { from: 'solved', to: 'open', cause: 'customer_replied' },
      input.now,
    );
    return { ticketId: reopenable.id, created: false };
  }
  const ticket = await insertTicket(db, dialect, {
    channelId: input.channelId,
    contactId: input.contactId,
    now: input.now,
    referral: input.referral?.raw,
  });
  await insertTicketEvent(
    db,
    ticket.id,
    'created',
    SYSTEM_ACTOR,
    { number: Number(ticket.number) },
    input.now,
  );
  return { ticketId: ticket.id, created: true };
}

/**
 * Reactions, edits, deletions and system notices join the ticket of the message they refer to, or the
 * customer's latest ticket; they never reopen a ticket. Only a customer with no ticket at all gets one.
 */
export async function ticketForFollowUp(
  db: Db,
  dialect: Dialect,
  input: { contactId: string; channelId: string; targetWamid: string | undefined; now: number },
): Promise<Placement> {
  const target = input.targetWamid ? await findMessageByWamid(db, input.targetWamid) : undefined;
  if (target) {
    return { ticketId: target.ticket_id, created: false };
  }
  const latest = await findLatestTicket(db, input.contactId, input.channelId);
  if (latest) {
    return { ticketId: latest.id, created: false };
  }
  return openTicketForCustomerMessage(db, dialect, { ...input, referral: undefined, reopenWindowMs: 0 });
}

/**
 * A satisfaction survey's answer joins the ticket the survey was sent for, without changing its status
 * (an answered survey is not a reopen). Undefined when the survey is not this customer's.
 */
export async function ticketForSurveyAnswer(
  db: Db,
  input: { contactId: string; surveyId: string },
): Promise<Placement | undefined> {
  const survey = await db
    .selectFrom('surveys')
    .select('ticket_id')
    .where('id', '=', input.surveyId)
    .where('contact_id', '=', input.contactId)
    .executeTakeFirst();
  return survey?.ticket_id ? { ticketId: survey.ticket_id, created: false } : undefined;
}

const touchTicket = prepareQuery((db, ticketId: string, now: number, preview: string) =>
  db
    .updateTable('tickets')
    .set({ updated_at: now, last_message_at: now, last_message_preview: preview })
    .where('id', '=', ticketId),
);

const touchTicketAndWindow = prepareQuery(
  (
    db,
    ticketId: string,
    now: number,
    preview: string,
    earliest: number,
    latest: number,
    latestAgain: number,
  ) =>
    db
      .updateTable('tickets')
      .set((eb) => ({
        updated_at: now,
        last_message_at: now,
        last_message_preview: preview,
        first_inbound_at: eb.fn.coalesce('first_inbound_at', eb.val(earliest)),
        last_inbound_at: eb
          .case()
          .when('last_inbound_at', '>', latest)
          .then(eb.ref('last_inbound_at'))
          .else(latestAgain)
          .end(),
      }))
      .where('id', '=', ticketId),
);

/** Keeps the ticket's activity fields in step with the customer messages just stored on it. */
export async function recordInboundOnTicket(
  db: Db,
  ticketId: string,
  input: {
    entries: readonly { type: string; body: string | null; at: number; refreshesWindow: boolean }[];
    now: number;
  },
): Promise<void> {
  const last = input.entries.at(-1);
  if (!last) {
    return;
  }
  const preview = previewOf(last.type, last.body);
  const windowTimes = input.entries.filter((e) => e.refreshesWindow).map((e) => e.at);
  if (windowTimes.length === 0) {
    await touchTicket(db, ticketId, input.now, preview);
    return;
  }
  const latest = Math.max(...windowTimes);
  await touchTicketAndWindow(db, ticketId, input.now, preview, Math.min(...windowTimes), latest, latest);
}
