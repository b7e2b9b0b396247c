/** Who did it: a signed-in user, an API token, the bootstrap token, a signed media link, or nobody yet. */
export const ACTOR_TYPES = ['user', 'api_token', 'bootstrap', 'signed_link', 'anonymous', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export interface AuditActor {
  type: ActorType;
  id: string | null;
}

/** Where a request came from. */
export interface AuditOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** What callers hand to `record`; the log adds the time, the position and the hashes. */
export interface AuditEntryInput {
  /** Dotted and past tense in meaning: `auth.sign_in`, `media.viewed`, `ticket.updated`. */
  action: string;
  actor: AuditActor;
  target?: { type: string; id: string | null };
  origin?: Partial<AuditOrigin>;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  id: number;
  at: number;
  actor: AuditActor;
  action: string;
  target: { type: string; id: string | null } | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Appends one entry to the chain (the port other modules are given). */
export type AuditRecorder = (entry: AuditEntryInput) => Promise<void>;

export interface AuditFilter {
  actorId?: string;
  actorType?: ActorType;
  actions?: string[];
  targetType?: string;
  targetId?: string;
  from?: number;
  to?: number;
}

export type ChainVerdict =
  | { ok: true; checked: number; headId: number }
  | {
      ok: false;
      checked: number;
      headId: number;
      firstBroken: { id: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch' };
    };
