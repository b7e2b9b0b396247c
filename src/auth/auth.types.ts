import type { Permission, Role } from './permissions.ts';

export const LANGUAGES = ['en', 'fr', 'es', 'it', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  teamIds: string[];
}

/** Who is calling: a signed-in user, an API token, or the bootstrap token from the environment. */
export interface Principal {
  kind: 'session' | 'token' | 'bootstrap';
  userId: string | null;
  role: Role;
  teamIds: string[];
  /** Token or session id, for audit and revocation. */
  credentialId: string | null;
  /** What the caller may do: the role's permissions, narrowed by a token's scopes. */
  permissions: readonly Permission[];
}
