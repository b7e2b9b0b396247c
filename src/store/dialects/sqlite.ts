import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely';
import type { Database } from '../database.types.ts';

const STATEMENT_CACHE_SIZE = 500;

/**
 * Embedded SQLite in WAL mode with synchronous=FULL: a commit is on disk before we acknowledge it.
 * Group commit (see ingest) keeps that cheap by batching concurrent webhooks.
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
  // A 64 MiB page cache and memory-mapped reads keep hot indexes off the read path; checkpointing every
  // ~16 MiB of WAL (not 4) moves fewer fsyncs of the main file onto the request path.
  database.pragma('cache_size = -65536');
  database.pragma('mmap_size = 268435456');
  database.pragma('temp_store = memory');
  database.pragma('wal_autocheckpoint = 4000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. Queries come from
 * a fixed set of builders, so a bounded cache (oldest out first) of prepared statements covers them.
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql: string) => {
      const cached = cache.get(sql);
      if (cached) {
        return cached;
      }
      const statement = database.prepare(sql) as unknown as SqliteStatement;
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) {
        cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
