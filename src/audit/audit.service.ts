import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { type Clock, invalidInput } from '../kernel/index.ts';
import type { Database, Dialect } from '../store/index.ts';
import { toCsv } from './audit.csv.ts';
import { appendAuditRow, listAuditRows, serializeDetails, toAuditEntry } from './audit.repo.ts';
import type { AuditEntry, AuditEntryInput, AuditFilter, ChainVerdict } from './audit.types.ts';
import { verifyAuditChain } from './audit.verify.ts';

const EXPORT_BATCH = 500;
const MAX_USER_AGENT = 300;

export interface AuditLog {
  /** Appends one entry; resolves once it is durable. */
  record(entry: AuditEntryInput): Promise<void>;
  /** Newest first; `cursor` is the `nextCursor` of the previous page. */
  list(
    filter: AuditFilter,
    page: { limit: number; cursor?: string },
  ): Promise<{ data: AuditEntry[]; nextCursor: string | null }>;
  /** Every matching entry, oldest first, as CSV or JSON (a stream: the log can be large). */
  exportEntries(filter: AuditFilter, format: 'csv' | 'json'): Readable;
  verify(): Promise<ChainVerdict>;
}

export function createAuditLog(deps: { db: Kysely<Database>; dialect: Dialect; clock: Clock }): AuditLog {
  const { db, dialect, clock } = deps;

  async function record(entry: AuditEntryInput): Promise<void> {
    await appendAuditRow(db, dialect, {
      at: clock.now(),
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      ip: entry.origin?.ip ?? null,
      user_agent: entry.origin?.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      details: serializeDetails(entry.details),
    });
  }

  async function list(filter: AuditFilter, page: { limit: number; cursor?: string }) {
    const beforeId = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
    const rows = await listAuditRows(db, filter, { limit: page.limit + 1, beforeId });
    const data = rows.slice(0, page.limit).map(toAuditEntry);
    const last = data.at(-1);
    return { data, nextCursor: rows.length > page.limit && last ? String(last.id) : null };
  }

  async function* entries(filter: AuditFilter): AsyncGenerator<AuditEntry> {
    let afterId = 0;
    for (;;) {
      const rows = await listAuditRows(db, filter, { limit: EXPORT_BATCH, afterId });
      for (const row of rows) {
        yield toAuditEntry(row);
      }
      if (rows.length < EXPORT_BATCH) {
        return;
      }
      afterId = Number(rows.at(-1)!.id);
    }
  }

  function exportEntries(filter: AuditFilter, format: 'csv' | 'json'): Readable {
    return Readable.from(format === 'csv' ? toCsv(entries(filter)) : toJsonArray(entries(filter)));
  }

  return { record, list, exportEntries, verify: () => verifyAuditChain(db) };
}

async function* toJsonArray(source: AsyncIterable<AuditEntry>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const entry of source) {
    yield `${first ? '' : ','}\n${JSON.stringify(entry)}`;
    first = false;
  }
  yield '\n]\n';
}

function decodeCursor(cursor: string): number {
  if (!/^\d{1,15}$/.test(cursor)) {
    throw invalidInput('pagination.invalid_cursor', 'cursor: is not a cursor returned by this endpoint.', {
      field: 'cursor',
    });
  }
  return Number(cursor);
}
