import { z } from 'zod';
import { t } from '../i18n/index.ts';
import { DEFAULT_RETRY, defineJobSpec, type JobDefinition } from '../jobs/index.ts';
import { AppError } from '../kernel/index.ts';
import type { ChoicesReply, TextReply } from '../outbound/index.ts';
import { surveyReplyId } from '../tickets/index.ts';
import type { SurveysRepo } from './surveys.repo.ts';

/** Sends the bot's message on a ticket (the reply service with the bot as author). */
export type SurveyBotSender = (ticketId: string, reply: ChoicesReply | TextReply) => Promise<void>;

const SurveyPayload = z.object({ surveyId: z.string().min(1) });
type SurveyPayload = z.infer<typeof SurveyPayload>;

export const csatQuestionJob = defineJobSpec({
  name: 'surveys.csat-question',
  schema: SurveyPayload,
  retry: DEFAULT_RETRY,
});

export const csatThanksJob = defineJobSpec({
  name: 'surveys.csat-thanks',
  schema: SurveyPayload,
  retry: DEFAULT_RETRY,
});

const SCORES = [5, 4, 3, 2, 1] as const;

/** The CSAT question as a list, in the customer's language; each row's id carries the survey and score. */
export function csatQuestion(surveyId: string, language: string | null): ChoicesReply {
  return {
    type: 'choices',
    style: 'list',
    idempotencyKey: `csat-question:${surveyId}`,
    body: t(language, 'surveys.csat.question'),
    buttonLabel: t(language, 'surveys.csat.button'),
    sections: [
      {
        rows: SCORES.map((score) => ({
          id: surveyReplyId(surveyId, score),
          title: t(language, `surveys.csat.score.${score}` as const),
        })),
      },
    ],
  };
}

export function createSurveyJobs(deps: { repo: SurveysRepo; sendBot: SurveyBotSender }) {
  /** The window may have closed since the solve (a job that waited): then the survey is not sent. */
  async function send(
    payload: SurveyPayload,
    compose: (language: string | null) => ChoicesReply | TextReply,
  ) {
    const survey = await deps.repo.findForSending(payload.surveyId);
    if (!survey?.ticket_id) {
      return;
    }
    try {
      await deps.sendBot(survey.ticket_id, compose(survey.language));
    } catch (error) {
      if (error instanceof AppError && ['whatsapp.window_closed', 'ticket.closed'].includes(error.reason)) {
        return;
      }
      throw error;
    }
  }

  const question: JobDefinition<SurveyPayload> = {
    ...csatQuestionJob,
    handler: (payload) => send(payload, (language) => csatQuestion(payload.surveyId, language)),
  };
  const thanks: JobDefinition<SurveyPayload> = {
    ...csatThanksJob,
    handler: (payload) =>
      send(payload, (language) => ({
        type: 'text',
        text: t(language, 'surveys.csat.thanks'),
        idempotencyKey: `csat-thanks:${payload.surveyId}`,
      })),
  };
  return [question, thanks];
}
