import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link's hash covers, in a fixed order (the row as stored). */
export interface HashedFields {
  id: number;
  at: number;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: string;
  prev_hash: string;
}

/** JSON with object keys sorted at every depth, so equal values always serialise to equal bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 (hex) over a versioned array of the row's fields, the previous link's hash last. */
export function hashAuditRow(row: HashedFields): string {
  const payload = canonicalJson([
    'sightline.audit.v1',
    row.id,
    row.at,
    row.actor_type,
    row.actor_id,
    row.action,
    row.target_type,
    row.target_id,
    row.ip,
    row.user_agent,
    row.details,
    row.prev_hash,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}
