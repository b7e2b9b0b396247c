/** A half-open interval of epoch milliseconds: [from, to). */
export interface Range {
  from: number;
  to: number;
}

export const DIMENSIONS = ['team', 'agent', 'tier', 'category', 'language', 'channel', 'segment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** What a ticket or a survey is broken down by. */
export interface Dimensions {
  team: string | null;
  agent: string | null;
  tier: string | null;
  category: string | null;
  language: string | null;
  channel: string | null;
  segment: string | null;
}

/** One ticket, reduced to what the KPIs need (read from the raw tables). */
export interface TicketFact extends Dimensions {
  id: string;
  contactId: string;
  openedAt: number;
  firstInboundAt: number | null;
  firstResponseAt: number | null;
  solvedAt: number | null;
  closedAt: number | null;
  reopenCount: number;
  botResolved: boolean;
  /** The bot's first reply after the customer's first message. */
  firstBotReplyAt: number | null;
  /** A human replied after the bot had replied. */
  humanTookOver: boolean;
  /** Waits of the customer for the next human reply, after the first one (ms). */
  nextResponses: number[];
  /** When the same contact opened their next ticket, if ever. */
  nextTicketAt: number | null;
  /** When the same contact opened their previous ticket, if ever. */
  previousTicketAt: number | null;
}

export type SurveyKind = 'csat' | 'nps';

export interface SurveyFact extends Dimensions {
  kind: SurveyKind;
  sentAt: number;
  score: number | null;
}

/** Messages and media counted by their own creation time. */
export interface Volume {
  inboundMessages: number;
  outboundMessages: { agent: number; bot: number; system: number };
  media: Record<string, { inbound: number; outbound: number }>;
}

/** Only this agent's or team's tickets (agents see their own figures). */
export interface FactFilter {
  agentId?: string;
  teamId?: string;
}

export interface KpiOptions {
  /** FCR and repeat contacts: a further ticket of the same contact within this window counts. */
  contactWindowMs: number;
  /** Now, for durations still running. */
  now: number;
}
