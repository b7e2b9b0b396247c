/** The analytics API (docs/analytics.md). Shapes are the server's; only the fields shown are typed. */
import { request, toQueryString } from '../../lib/api-client';

export interface Stats {
  count: number;
  median: number | null;
}

export interface Kpis {
  tickets: { opened: number };
  firstResponse: Stats;
  resolution: Stats;
  fcr: { rate: number | null };
  automation: { automationRate: number | null };
  csat: { satisfiedShare: number | null };
  nps: { score: number | null };
}

export interface Summary {
  current: { kpis: Kpis };
  previous: { kpis: Kpis };
}

export interface Range {
  from: number;
  to: number;
}

const BASE = '/api/v1/analytics';

export const analyticsUrl = (report: string, params: Record<string, string | number>) =>
  `${BASE}/${report}${toQueryString(params)}`;

export const fetchSummary = (range: Range) => request<Summary>(analyticsUrl('summary', { ...range }));

export const fetchByDay = (range: Range) =>
  request<{ rows: { key: string; kpis: Kpis }[] }>(analyticsUrl('breakdown', { ...range, by: 'day' }));

export const fetchHeatmap = (range: Range) =>
  request<{ ticketsOpened: number[][] }>(analyticsUrl('heatmap', { ...range }));

export const fetchStaffing = () =>
  request<{ agentsOnline: number; hours: { hourStart: number; agentsNeeded: number }[] }>(
    analyticsUrl('staffing', { hours: 168 }),
  );

export interface AgentRow {
  agentId: string;
  name: string;
  presence: string;
  openTickets: number;
  occupancy: number | null;
}

export const fetchAgents = (range: Range) =>
  request<{ chatsPerAgent: number; agents: AgentRow[] }>(analyticsUrl('agents', { ...range }));
