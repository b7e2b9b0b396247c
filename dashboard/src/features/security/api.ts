import { API_BASE, api, request, toQueryString } from '../../lib/api-client';
import type { Role, Team, User } from '../../lib/types';

export interface AdminUser extends User {
  disabled?: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  permissions: string[] | null;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface AuditEntry {
  id: number;
  at: number;
  actor: { type: string; id: string | null };
  action: string;
  target: { type: string; id: string | null } | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilters {
  actorId?: string;
  action?: string;
  targetId?: string;
  from?: number;
  to?: number;
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBroken: { id: number; reason: string } };

export interface RetentionReport {
  policies: { media: number | null; messages: number | null };
  runs: { id: string; startedAt: number; counts: { media: number; messages: number } }[];
}

export const securityApi = {
  users: () => api.get<{ data: AdminUser[] }>('/users').then((b) => b.data),
  teams: () => api.get<{ data: Team[] }>('/teams').then((b) => b.data),
  createUser: (input: { email: string; name: string; role: Role; password: string; teamIds: string[] }) =>
    api.post('/users', input),
  updateUser: (id: string, patch: { role?: Role; disabled?: boolean; teamIds?: string[] }) =>
    api.patch(`/users/${encodeURIComponent(id)}`, patch),
  createTeam: (name: string) => api.post('/teams', { name }),
  tokens: () => api.get<{ data: ApiToken[] }>('/tokens').then((b) => b.data),
  createToken: (input: { name: string; role: Role; permissions?: string[]; expiresAt?: number }) =>
    api.post<{ token: string }>('/tokens', input),
  revokeToken: (id: string) => api.del(`/tokens/${encodeURIComponent(id)}`),
  audit: (filters: AuditFilters, cursor?: string) =>
    api.get<{ data: AuditEntry[]; nextCursor: string | null }>(
      `/audit${toQueryString({ ...filters, cursor, limit: 50 })}`,
    ),
  auditExportUrl: (filters: AuditFilters, format: 'csv' | 'json') =>
    `${API_BASE}/audit/export${toQueryString({ ...filters, format })}`,
  verifyAudit: () => api.get<ChainVerdict>('/audit/verify'),
  retention: () => api.get<RetentionReport>('/retention'),
  setRetention: (policies: RetentionReport['policies']) =>
    request<RetentionReport>(`${API_BASE}/retention`, { method: 'PUT', body: policies }),
  runRetention: () => api.post('/retention/run'),
  beginTotp: () => api.post<{ secret: string; uri: string }>('/auth/totp'),
  confirmTotp: (code: string) => api.post('/auth/totp/confirm', { code }),
  customerExportUrl: (contactId: string) => `${API_BASE}/customers/${encodeURIComponent(contactId)}/export`,
  eraseCustomer: (contactId: string) =>
    api
      .post<{ data: { messages: number; media: number } }>(
        `/customers/${encodeURIComponent(contactId)}/erase`,
        {
          confirm: contactId,
        },
      )
      .then((b) => b.data),
};
