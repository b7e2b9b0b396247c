import type { WorkingHours } from './engine/calendar.ts';

export const SLA_METRICS = ['firstResponse', 'nextResponse', 'periodicUpdate', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export const TIMER_STATES = ['active', 'paused', 'achieved', 'breached', 'cancelled'] as const;
export type TimerState = (typeof TIMER_STATES)[number];

export type SlaPriority = 'low' | 'normal' | 'high' | 'urgent';
export type Tier = 'L1' | 'L2' | 'L3';

/** Minutes per metric; a metric left out is not tracked for that priority. */
export type MetricTargets = Partial<Record<SlaMetric, number>>;

/** Every listed condition must hold; a list matches when the ticket's value is one of its entries. */
export interface PolicyConditions {
  teamIds?: string[];
  tiers?: Tier[];
  segments?: string[];
  vip?: boolean;
  channelIds?: string[];
  categories?: string[];
}

export type BreachAction =
  | { kind: 'raise_priority' }
  | { kind: 'unassign' }
  | { kind: 'escalate_tier' }
  | { kind: 'notify'; userIds: string[] };

export interface SlaPolicy {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: PolicyConditions;
  targets: Partial<Record<SlaPriority, MetricTargets>>;
  /** Null: targets run in calendar hours. */
  calendarId: string | null;
  /** Share of the target at which a warning fires (0.75); null for none. */
  warnShare: number | null;
  countBotReplies: boolean;
  actions: BreachAction[];
  webhookUrl: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface Holiday {
  date: string;
  name: string;
}

export interface SlaCalendar {
  id: string;
  name: string;
  timeZone: string;
  hours: WorkingHours[];
  holidays: Holiday[];
  createdAt: number;
  updatedAt: number;
}

/** What policy conditions look at, read from the ticket and its contact. */
export interface TicketFacts {
  teamId: string | null;
  tier: string;
  segment: string | null;
  vip: boolean;
  channelId: string;
  category: string | null;
  priority: string;
}
