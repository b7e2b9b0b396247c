import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database, Db, Dialect } from '../store/index.ts';
import { canonicalJson, hashAuditRow } from './audit.hash.ts';
import type { ActorType, AuditEntry, AuditFilter } from './audit.types.ts';

type AuditRow = Selectable<AuditLogTable>;
type NewRow = Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>;

/**
 * Appends one link. The chain head row is locked for the transaction (FOR UPDATE on PostgreSQL; SQLite
 * has one writer and Kysely runs one transaction at a time on its connection), so two appends never
 * read the same head and the chain never forks. The gapless id is the position in the chain.
 */
export async function appendAuditRow(db: Kysely<Database>, dialect: Dialect, row: NewRow): Promise<AuditRow> {
  return db.transaction().execute(async (trx) => {
    const query = trx.selectFrom('audit_chain_head').select(['last_id', 'last_hash']).where('id', '=', 1);
    const head = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
    const linked = { ...row, id: Number(head.last_id) + 1, prev_hash: head.last_hash };
    const full: AuditRow = { ...linked, hash: hashAuditRow(linked) };
    await trx.insertInto('audit_log').values(full).execute();
    await trx
      .updateTable('audit_chain_head')
      .set({ last_id: full.id, last_hash: full.hash })
      .where('id', '=', 1)
      .execute();
    return full;
  });
}

export async function readChainHead(db: Db): Promise<{ lastId: number; lastHash: string }> {
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['last_id', 'last_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { lastId: Number(head.last_id), lastHash: head.last_hash };
}

/** A page of entries matching the filter, newest first (`beforeId`) or oldest first (`afterId`). */
export async function listAuditRows(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; beforeId?: number; afterId?: number },
): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.actorId !== undefined) {
    query = query.where('actor_id', '=', filter.actorId);
  }
  if (filter.actorType !== undefined) {
    query = query.where('actor_type', '=', filter.actorType);
  }
  if (filter.actions !== undefined && filter.actions.length > 0) {
    query = query.where('action', 'in', filter.actions);
  }
  if (filter.targetType !== undefined) {
    query = query.where('target_type', '=', filter.targetType);
  }
  if (filter.targetId !== undefined) {
    query = query.where('target_id', '=', filter.targetId);
  }
  if (filter.from !== undefined) {
    query = query.where('at', '>=', filter.from);
  }
  if (filter.to !== undefined) {
    query = query.where('at', '<', filter.to);
  }
  if (page.beforeId !== undefined) {
    query = query.where('id', '<', page.beforeId);
  }
  if (page.afterId !== undefined) {
    query = query.where('id', '>', page.afterId);
  }
  const ascending = page.afterId !== undefined;
  return query
    .orderBy('id', ascending ? 'asc' : 'desc')
    .limit(page.limit)
    .execute();
}

export function serializeDetails(details: Record<string, unknown> | undefined): string {
  return canonicalJson(details ?? {});
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: Number(row.at),
    actor: { type: row.actor_type as ActorType, id: row.actor_id },
    action: row.action,
    target: row.target_type === null ? null : { type: row.target_type, id: row.target_id },
    ip: row.ip,
    userAgent: row.user_agent,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export type { AuditRow };
