import { API_BASE, api, request } from '../../lib/api-client';
import type { Language, User } from '../../lib/types';

export function login(email: string, password: string, totp?: string): Promise<User> {
  return request<{ user: User }>(`${API_BASE}/auth/login`, {
    method: 'POST',
    body: { email, password, ...(totp ? { totp } : {}) },
    quiet401: true,
  }).then((body) => body.user);
}

export function logout(): Promise<void> {
  return request<void>(`${API_BASE}/auth/logout`, { method: 'POST', quiet401: true });
}

export function updateProfile(patch: { name?: string; language?: Language }): Promise<User> {
  return api.patch<{ user: User }>('/auth/me', patch).then((body) => body.user);
}
