import { CompiledQuery, type DialectAdapter, type Insertable } from 'kysely';
import type { Database, Db } from './database.types.ts';

const compiledByAdapter = new WeakMap<DialectAdapter, Map<string, string>>();

/**
 * INSERT of one row for hot paths. Kysely builds and compiles a query afresh on every call, which for a
 * 25-column row costs more than SQLite's insert itself; the SQL text depends only on the table, the
 * columns present and the dialect, so it is compiled once and reused with the row's values.
 * Returns the number of rows inserted (0 when `ignore` skipped a conflicting row).
 */
export async function insertRow<T extends keyof Database & string>(
  db: Db,
  table: T,
  row: Insertable<Database[T]>,
  onConflict: 'fail' | 'ignore' = 'fail',
): Promise<number> {
  const values = row as Record<string, unknown>;
  const columns = Object.keys(values).filter((column) => values[column] !== undefined);
  const key = `${table}|${onConflict}|${columns.join(',')}`;
  const adapter = db.getExecutor().adapter;
  let compiled = compiledByAdapter.get(adapter);
  if (!compiled) {
    compiled = new Map();
    compiledByAdapter.set(adapter, compiled);
  }
  let text = compiled.get(key);
  if (text === undefined) {
    const query = db.insertInto(table).values(row as never);
    text = (onConflict === 'ignore' ? query.onConflict((oc) => oc.doNothing()) : query).compile().sql;
    compiled.set(key, text);
  }
  const result = await db.executeQuery(
    CompiledQuery.raw(
      text,
      columns.map((column) => values[column]),
    ),
  );
  return Number(result.numAffectedRows ?? 0);
}
