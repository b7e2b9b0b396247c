import {
  addDuration,
  type DurationStats,
  type DurationTotals,
  durationStats,
  emptyDuration,
  ratio,
} from './stats.ts';

export const DURATIONS = ['frt', 'bot_frt', 'resolution', 'close', 'next_response'] as const;
export type DurationName = (typeof DURATIONS)[number];

export const TICKET_COUNTS = [
  'opened',
  'solved',
  'closed',
  'reopened',
  'resolved',
  'fcr',
  'repeat_contact',
  'bot_resolved',
  'bot_engaged',
  'takeover',
  'inbound_messages',
  'agent_messages',
  'bot_messages',
  'system_messages',
] as const;
export type TicketCount = (typeof TICKET_COUNTS)[number];

/** What one group of tickets and surveys adds up to; groups merge by adding. */
export interface KpiTotals {
  counts: Record<TicketCount, number>;
  durations: Record<DurationName, DurationTotals>;
  /** Answers per score; `sent` counts every invitation. */
  csat: { sent: number; scores: Map<number, number> };
  nps: { sent: number; scores: Map<number, number> };
}

export function emptyTotals(): KpiTotals {
  return {
    counts: Object.fromEntries(TICKET_COUNTS.map((name) => [name, 0])) as Record<TicketCount, number>,
    durations: Object.fromEntries(DURATIONS.map((name) => [name, emptyDuration()])) as Record<
      DurationName,
      DurationTotals
    >,
    csat: { sent: 0, scores: new Map() },
    nps: { sent: 0, scores: new Map() },
  };
}

export function addTotals(into: KpiTotals, from: KpiTotals): void {
  for (const name of TICKET_COUNTS) {
    into.counts[name] += from.counts[name];
  }
  for (const name of DURATIONS) {
    addDuration(into.durations[name], from.durations[name]);
  }
  for (const kind of ['csat', 'nps'] as const) {
    into[kind].sent += from[kind].sent;
    for (const [score, n] of from[kind].scores) {
      into[kind].scores.set(score, (into[kind].scores.get(score) ?? 0) + n);
    }
  }
}

/** The KPIs of one set of tickets and surveys (a period, or one group of a breakdown). See docs/analytics.md. */
export interface KpiSummary {
  tickets: { opened: number; solved: number; closed: number; reopened: number };
  messages: { inbound: number; agent: number; bot: number; system: number };
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

export function summarise(totals: KpiTotals): KpiSummary {
  const c = totals.counts;
  const d = totals.durations;
  return {
    tickets: { opened: c.opened, solved: c.solved, closed: c.closed, reopened: c.reopened },
    messages: {
      inbound: c.inbound_messages,
      agent: c.agent_messages,
      bot: c.bot_messages,
      system: c.system_messages,
    },
    firstResponse: durationStats(d.frt),
    botFirstResponse: durationStats(d.bot_frt),
    resolution: durationStats(d.resolution),
    closeTime: durationStats(d.close),
    nextResponse: durationStats(d.next_response),
    fcr: { resolved: c.resolved, firstContact: c.fcr, rate: ratio(c.fcr, c.resolved) },
    repeatContact: { repeats: c.repeat_contact, rate: ratio(c.repeat_contact, c.opened) },
    automation: {
      botResolved: c.bot_resolved,
      automationRate: ratio(c.bot_resolved, c.opened),
      botEngaged: c.bot_engaged,
      humanTakeovers: c.takeover,
      takeoverRate: ratio(c.takeover, c.bot_engaged),
    },
    csat: summariseCsat(totals.csat),
    nps: summariseNps(totals.nps),
  };
}

function answers(scores: Map<number, number>, test: (score: number) => boolean = () => true): number {
  let n = 0;
  for (const [score, count] of scores) {
    n += test(score) ? count : 0;
  }
  return n;
}

function summariseCsat({ sent, scores }: KpiTotals['csat']): KpiSummary['csat'] {
  const answered = answers(scores);
  const satisfied = answers(scores, (s) => s >= 4);
  let sum = 0;
  for (const [score, n] of scores) {
    sum += score * n;
  }
  return {
    sent,
    answered,
    responseRate: ratio(answered, sent),
    satisfied,
    satisfiedShare: ratio(satisfied, answered),
    average: ratio(sum, answered),
  };
}

function summariseNps({ sent, scores }: KpiTotals['nps']): KpiSummary['nps'] {
  const answered = answers(scores);
  const promoters = answers(scores, (s) => s >= 9);
  const detractors = answers(scores, (s) => s <= 6);
  return {
    sent,
    answered,
    responseRate: ratio(answered, sent),
    promoters,
    passives: answered - promoters - detractors,
    detractors,
    score: answered === 0 ? null : (100 * (promoters - detractors)) / answered,
  };
}
