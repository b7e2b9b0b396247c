import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../database.types.ts';

/**
 * Embedded SQLite in WAL mode with synchronous=FULL: a commit is on disk before we acknowledge it.
 * Group commit (see tickets ingest) keeps that cheap by batching concurrent webhooks.
 */
export function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}
