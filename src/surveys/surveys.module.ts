import type { Kysely } from 'kysely';
import type { JobQueue } from '../jobs/index.ts';
import { type Clock, newId } from '../kernel/index.ts';
import type { Database, Db } from '../store/index.ts';
import {
  CUSTOMER_SERVICE_WINDOW_MS,
  findLastInboundAt,
  type InboundHook,
  insertTicketEvent,
  parseSurveyReply,
  SYSTEM_ACTOR,
  type TicketChange,
} from '../tickets/index.ts';
import { createSurveyJobs, csatQuestionJob, csatThanksJob, type SurveyBotSender } from './surveys.jobs.ts';
import { createSurveysRepo, recordAnswer } from './surveys.repo.ts';

/** Scores at or below this get a `csat_low` event and the follow-up tag. */
export const LOW_CSAT = 2;
export const FOLLOW_UP_TAG = 'follow-up';

/**
 * CSAT over WhatsApp: a list question when an agent solves a ticket (sent by a job enlisted in the solve's
 * transaction), and the answer recorded on the `surveys` row that analytics counts. See docs/surveys.md.
 */
export function createSurveysModule(deps: {
  db: Kysely<Database>;
  clock: Clock;
  queue: JobQueue;
  /** The business's switch (SIGHTLINE_CSAT_SURVEYS). */
  enabled: boolean;
  sendBot: SurveyBotSender;
}) {
  const { clock, queue } = deps;

  /** Call inside the transaction of an agent's change: a solve invites the customer while the window is open. */
  async function onTicketChanged(db: Db, ticketId: string, change: TicketChange): Promise<void> {
    if (!deps.enabled || change.status?.to !== 'solved') {
      return;
    }
    const now = clock.now();
    const ticket = await db
      .selectFrom('tickets')
      .select(['contact_id', 'channel_id', 'assignee_id', 'team_id'])
      .where('id', '=', ticketId)
      .executeTakeFirstOrThrow();
    const lastInbound = await findLastInboundAt(db, ticket.contact_id, ticket.channel_id);
    if (lastInbound === null || now >= lastInbound + CUSTOMER_SERVICE_WINDOW_MS) {
      await insertTicketEvent(db, ticketId, 'csat_skipped', SYSTEM_ACTOR, { reason: 'window_closed' }, now);
      return;
    }
    const surveyId = newId();
    await db
      .insertInto('surveys')
      .values({
        id: surveyId,
        kind: 'csat',
        ticket_id: ticketId,
        contact_id: ticket.contact_id,
        agent_id: ticket.assignee_id,
        team_id: ticket.team_id,
        sent_at: now,
        answered_at: null,
        score: null,
        comment: null,
      })
      .execute();
    // One question per solve: the solve's time names it.
    await queue.enqueue(csatQuestionJob, { surveyId }, { db, dedupeKey: `csat:${ticketId}:${now}` });
  }

  /** A survey answer (placed on its ticket by ingest, status untouched): score, low-score flags, thanks. */
  const inboundHook: InboundHook = async (db, { ticketId, contact, message }) => {
    const answer = parseSurveyReply(message.content);
    if (!answer) {
      return;
    }
    const now = clock.now();
    const recorded = await recordAnswer(db, { ...answer, contactId: contact.id, now });
    if (!recorded) {
      return;
    }
    await insertTicketEvent(db, ticketId, 'csat_answered', SYSTEM_ACTOR, answer, now);
    if (answer.score <= LOW_CSAT) {
      await insertTicketEvent(db, ticketId, 'csat_low', SYSTEM_ACTOR, answer, now);
      await db
        .insertInto('ticket_tags')
        .values({ ticket_id: ticketId, tag: FOLLOW_UP_TAG })
        .onConflict((oc) => oc.columns(['ticket_id', 'tag']).doNothing())
        .execute();
    }
    await queue.enqueue(
      csatThanksJob,
      { surveyId: answer.surveyId },
      { db, dedupeKey: `csat-thanks:${answer.surveyId}` },
    );
  };

  return {
    onTicketChanged,
    inboundHook,
    jobs: createSurveyJobs({ repo: createSurveysRepo(deps.db), sendBot: deps.sendBot }),
  };
}

export type SurveysModule = ReturnType<typeof createSurveysModule>;
