import { API_BASE, api, request } from '../../lib/api-client';

export type Presence = 'online' | 'away' | 'offline';

export interface RoutingRule {
  id: string;
  name: string;
  enabled: boolean;
  version: number;
  position: number;
  conditions: { kind: string }[];
  actions: { kind: string }[];
}

export interface BotFlow {
  id: string;
  name: string;
  version: number;
  nodes: Record<string, { kind: string }>;
}

export interface RuleTrace {
  ruleId: string;
  name: string;
  fired: boolean;
  conditions: { kind: string; matched: boolean; detail: string }[];
}

export interface RoutingTeam {
  id: string;
  name: string;
  strategy: 'least_loaded' | 'round_robin';
  offlinePolicy: 'keep' | 'requeue';
  members: {
    userId: string;
    name: string;
    presence: Presence;
    languages: string[];
    skills: string[];
    maxTickets: number;
    load: number;
  }[];
}

const put = <T>(path: string, body: unknown) => request<T>(API_BASE + path, { method: 'PUT', body });

export const routingApi = {
  presence: () => api.get<{ data: { presence: Presence } }>('/me/presence').then((b) => b.data.presence),
  setPresence: (presence: Presence) => put('/me/presence', { presence }),
  rules: () => api.get<{ data: RoutingRule[] }>('/routing/rules').then((b) => b.data),
  addRule: (rule: unknown) => api.post('/routing/rules', rule),
  deleteRule: (id: string) => api.del(`/routing/rules/${id}`),
  dryRun: (text: string, vip: boolean) =>
    api.post<{ data: { trace: RuleTrace[] } }>('/routing/dry-run', { text, vip }).then((b) => b.data.trace),
  flows: () => api.get<{ data: BotFlow[] }>('/routing/flows').then((b) => b.data),
  addFlow: (flow: unknown) => api.post('/routing/flows', flow),
  teams: () => api.get<{ data: RoutingTeam[] }>('/routing/teams').then((b) => b.data),
  saveTeam: (team: RoutingTeam, patch: Partial<Pick<RoutingTeam, 'strategy' | 'offlinePolicy'>>) =>
    put(`/routing/teams/${team.id}`, {
      name: team.name,
      strategy: patch.strategy ?? team.strategy,
      offlinePolicy: patch.offlinePolicy ?? team.offlinePolicy,
      memberIds: team.members.map((m) => m.userId),
    }),
  escalate: (ticketId: string, reason: string) =>
    api.post<{ data: { to: string } }>(`/tickets/${ticketId}/escalate`, { reason }).then((b) => b.data),
};

export const routingKeys = {
  presence: ['routing', 'presence'] as const,
  rules: ['routing', 'rules'] as const,
  teams: ['routing', 'teams'] as const,
  flows: ['routing', 'flows'] as const,
};
