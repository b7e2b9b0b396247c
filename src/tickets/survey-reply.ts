import type { MessageContent } from '../whatsapp/index.ts';

/** The row id of a CSAT answer in the survey list: `csat:<surveyId>:<score>`. */
export function surveyReplyId(surveyId: string, score: number): string {
  return `csat:${surveyId}:${score}`;
}

const SURVEY_REPLY = /^csat:([^:]+):([1-5])$/;

/** The survey answer an inbound interactive reply carries, if it is one. */
export function parseSurveyReply(content: MessageContent): { surveyId: string; score: number } | undefined {
  if (content.kind !== 'interactive' || !content.replyId) {
    return undefined;
  }
  const match = SURVEY_REPLY.exec(content.replyId);
  return match ? { surveyId: match[1]!, score: Number(match[2]) } : undefined;
}
