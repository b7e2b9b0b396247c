/** A half-open interval of epoch milliseconds: [from, to). */
export interface Range {
  from: number;
  to: number;
}

export const DIMENSIONS = ['team', 'agent', 'tier', 'category', 'language', 'channel', 'segment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** Only this agent's or team's tickets (agents see their own figures). */
export interface FactFilter {
  agentId?: string;
  teamId?: string;
}
