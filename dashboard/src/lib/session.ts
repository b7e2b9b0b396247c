/** The signed-in agent: GET /auth/me, null when there is no session. */
import { useQuery } from '@tanstack/react-query';
import { API_BASE, ApiError, request } from './api-client';
import { queryKeys } from './query-keys';
import type { User } from './types';

export async function fetchMe(): Promise<User | null> {
  try {
    const body = await request<{ user: User }>(`${API_BASE}/auth/me`, { quiet401: true });
    return body.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

/** The signed-in user; only call below the auth gate. */
export function useCurrentUser(): User | null {
  return useMe().data ?? null;
}
