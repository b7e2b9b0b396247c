import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Dialect } from './database.types.ts';
import { prepareQuery } from './prepared.ts';

/** Next human ticket number: a sequence on PostgreSQL, a counter row on SQLite (single writer). */
export async function nextTicketNumber(db: Db, dialect: Dialect): Promise<number> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ n: number }>`select nextval('ticket_number_seq') as n`.execute(db);
    return Number(rows[0]!.n);
  }
  const [row] = await incrementCounter(db, 'ticket_number');
  return Number(row!.value);
}

const incrementCounter = prepareQuery((db, name: string) =>
  db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value'),
);

/**
 * Serialises concurrent transactions that touch the same keys (e.g. one customer) until commit.
 * SQLite already has a single writer; PostgreSQL takes transaction-scoped advisory locks in a fixed
 * order so two batches never deadlock.
 */
export async function lockKeys(db: Db, dialect: Dialect, keys: Iterable<string>): Promise<void> {
  if (dialect !== 'postgres') {
    return;
  }
  const ids = [...new Set([...keys].map(advisoryKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (ids.length === 0) {
    return;
  }
  // One round trip; PostgreSQL evaluates the target list left to right, so the order holds.
  await sql`select ${sql.join(ids.map((id) => sql`pg_advisory_xact_lock(${id})`))}`.execute(db);
}

function advisoryKey(key: string): bigint {
  return createHash('sha256').update(key).digest().readBigInt64BE(0);
}
