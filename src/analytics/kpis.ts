import type { KpiOptions, SurveyFact, TicketFact } from './analytics.types.ts';
import { type DurationStats, durationStats, ratio } from './stats.ts';

/** The KPIs of one set of tickets and surveys (a period, or one group of a breakdown). See docs/analytics.md. */
export interface KpiSummary {
  tickets: { opened: number; solved: number; closed: number; reopened: number };
  firstResponse: DurationStats;
  botFirstResponse: DurationStats;
  resolution: DurationStats;
  closeTime: DurationStats;
  nextResponse: DurationStats;
  fcr: { resolved: number; firstContact: number; rate: number | null };
  repeatContact: { repeats: number; rate: number | null };
  automation: {
    botResolved: number;
    automationRate: number | null;
    botEngaged: number;
    humanTakeovers: number;
    takeoverRate: number | null;
  };
  csat: SurveyFigures & { satisfied: number; satisfiedShare: number | null; average: number | null };
  nps: SurveyFigures & { promoters: number; passives: number; detractors: number; score: number | null };
}

interface SurveyFigures {
  sent: number;
  answered: number;
  responseRate: number | null;
}

export function summarise(
  tickets: readonly TicketFact[],
  surveys: readonly SurveyFact[],
  options: KpiOptions,
): KpiSummary {
  const resolved = tickets.filter((t) => resolvedAt(t) !== null);
  const firstContact = resolved.filter((t) => isFirstContactResolution(t, options.contactWindowMs));
  const repeats = tickets.filter(
    (t) => t.previousTicketAt !== null && t.openedAt - t.previousTicketAt <= options.contactWindowMs,
  );
  const botResolved = tickets.filter((t) => t.botResolved && t.firstResponseAt === null);
  const botEngaged = tickets.filter((t) => t.firstBotReplyAt !== null);
  const takeovers = botEngaged.filter((t) => t.humanTookOver);
  return {
    tickets: {
      opened: tickets.length,
      solved: tickets.filter((t) => t.solvedAt !== null).length,
      closed: tickets.filter((t) => t.closedAt !== null).length,
      reopened: tickets.filter((t) => t.reopenCount > 0).length,
    },
    firstResponse: durationStats(since(tickets, (t) => t.firstResponseAt)),
    botFirstResponse: durationStats(since(tickets, (t) => t.firstBotReplyAt)),
    resolution: durationStats(fromOpening(tickets, (t) => t.solvedAt)),
    closeTime: durationStats(fromOpening(tickets, (t) => t.closedAt)),
    nextResponse: durationStats(tickets.flatMap((t) => t.nextResponses)),
    fcr: {
      resolved: resolved.length,
      firstContact: firstContact.length,
      rate: ratio(firstContact.length, resolved.length),
    },
    repeatContact: { repeats: repeats.length, rate: ratio(repeats.length, tickets.length) },
    automation: {
      botResolved: botResolved.length,
      automationRate: ratio(botResolved.length, tickets.length),
      botEngaged: botEngaged.length,
      humanTakeovers: takeovers.length,
      takeoverRate: ratio(takeovers.length, botEngaged.length),
    },
    csat: summariseCsat(surveys.filter((s) => s.kind === 'csat')),
    nps: summariseNps(surveys.filter((s) => s.kind === 'nps')),
  };
}

/** Solved, or closed without a solve (e.g. closed directly). */
function resolvedAt(ticket: TicketFact): number | null {
  return ticket.solvedAt ?? ticket.closedAt;
}

/** Resolved, never reopened, and the contact opened no further ticket within the window after resolution. */
function isFirstContactResolution(ticket: TicketFact, windowMs: number): boolean {
  const at = resolvedAt(ticket);
  return (
    at !== null &&
    ticket.reopenCount === 0 &&
    (ticket.nextTicketAt === null || ticket.nextTicketAt > at + windowMs)
  );
}

/** From the customer's first message to `end` (only tickets with both). */
function since(tickets: readonly TicketFact[], end: (t: TicketFact) => number | null): number[] {
  return tickets.flatMap((t) => {
    const stop = end(t);
    return t.firstInboundAt !== null && stop !== null && stop >= t.firstInboundAt
      ? [stop - t.firstInboundAt]
      : [];
  });
}

/** From the ticket's opening to `end`. */
function fromOpening(tickets: readonly TicketFact[], end: (t: TicketFact) => number | null): number[] {
  return tickets.flatMap((t) => {
    const stop = end(t);
    return stop !== null ? [stop - t.openedAt] : [];
  });
}

function answeredScores(surveys: readonly SurveyFact[]): number[] {
  return surveys.flatMap((s) => (s.score === null ? [] : [s.score]));
}

function summariseCsat(surveys: readonly SurveyFact[]): KpiSummary['csat'] {
  const scores = answeredScores(surveys);
  const satisfied = scores.filter((s) => s >= 4).length;
  return {
    sent: surveys.length,
    answered: scores.length,
    responseRate: ratio(scores.length, surveys.length),
    satisfied,
    satisfiedShare: ratio(satisfied, scores.length),
    average: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
  };
}

function summariseNps(surveys: readonly SurveyFact[]): KpiSummary['nps'] {
  const scores = answeredScores(surveys);
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return {
    sent: surveys.length,
    answered: scores.length,
    responseRate: ratio(scores.length, surveys.length),
    promoters,
    passives: scores.length - promoters - detractors,
    detractors,
    score: scores.length === 0 ? null : (100 * (promoters - detractors)) / scores.length,
  };
}
