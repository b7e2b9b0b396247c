import { API_BASE, api, request } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

export type SlaMetric = 'firstResponse' | 'nextResponse' | 'periodicUpdate' | 'resolution';

export interface SlaTimer {
  id: string;
  ticketId: string;
  metric: SlaMetric;
  state: 'active' | 'paused' | 'achieved' | 'breached' | 'cancelled';
  dueAt: number | null;
  warnAt: number | null;
  remainingMs: number | null;
  stoppedAt: number | null;
}

export interface QueueEntry extends SlaTimer {
  ticketNumber: number;
  status: string;
  priority: string;
  preview: string | null;
}

export interface AppNotification {
  id: string;
  ticketId: string | null;
  kind: 'sla.warning' | 'sla.breached';
  data: { metric?: SlaMetric; ticketNumber?: number | null };
  createdAt: number;
  readAt: number | null;
}

export interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  hours: { day: string; start: string; end: string }[];
  holidays: { date: string; name: string }[];
}

export interface Policy {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  calendarId: string | null;
  warnShare: number | null;
  targets: Partial<Record<string, Partial<Record<SlaMetric, number>>>>;
  conditions: { tiers?: string[]; vip?: boolean };
  actions: { kind: string }[];
}

export const slaKeys = {
  timers: (ticketId: string, version: number) => ['sla', 'timers', ticketId, version] as const,
  queue: (which: 'at-risk' | 'breached') => ['sla', 'queue', which] as const,
  notifications: queryKeys.notifications,
  calendars: ['sla', 'calendars'] as const,
  policies: ['sla', 'policies'] as const,
};

/**
 * Inbox rows ask for their own ticket's timers; asks made in the same moment share one request.
 */
let pending: Map<string, ((timers: SlaTimer[]) => void)[]> | null = null;

export function fetchTicketTimers(ticketId: string): Promise<SlaTimer[]> {
  return new Promise((resolve, reject) => {
    if (!pending) {
      const batch = new Map<string, ((timers: SlaTimer[]) => void)[]>();
      pending = batch;
      setTimeout(() => {
        pending = null;
        const ids = [...batch.keys()];
        api
          .get<{ data: SlaTimer[] }>(`/sla/timers?ticketIds=${ids.map(encodeURIComponent).join(',')}`)
          .then(({ data }) => {
            for (const [id, waiters] of batch) {
              for (const done of waiters) {
                done(data.filter((t) => t.ticketId === id));
              }
            }
          })
          .catch(reject);
      }, 10);
    }
    pending.set(ticketId, [...(pending.get(ticketId) ?? []), resolve]);
  });
}

export const fetchQueue = (which: 'at-risk' | 'breached') =>
  api.get<{ data: QueueEntry[] }>(`/sla/${which}`).then((r) => r.data);

export const fetchNotifications = () =>
  api.get<{ data: AppNotification[]; unread: number }>('/notifications?limit=20');

export const markAllRead = () => api.post<void>('/notifications/read', {});

export const fetchCalendars = () => api.get<{ data: Calendar[] }>('/sla/calendars').then((r) => r.data);
export const fetchPolicies = () => api.get<{ data: Policy[] }>('/sla/policies').then((r) => r.data);

export const saveCalendar = (body: Omit<Calendar, 'id'>) => api.post<Calendar>('/sla/calendars', body);
export const savePolicy = (body: unknown) => api.post<Policy>('/sla/policies', body);
export const deleteCalendar = (id: string) =>
  request<void>(`${API_BASE}/sla/calendars/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const deletePolicy = (id: string) =>
  request<void>(`${API_BASE}/sla/policies/${encodeURIComponent(id)}`, { method: 'DELETE' });
