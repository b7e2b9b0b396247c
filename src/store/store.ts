import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { DatabaseConfig } from '../config/index.ts';
import type { Database, Dialect } from './database.types.ts';
import { createPgPool, openPostgres } from './dialects/postgres.ts';
import { openSqlite } from './dialects/sqlite.ts';
import { migrateToLatest } from './migrate.ts';

/** The database chosen once at the composition root, with what adapters need to share it. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The PostgreSQL pool, for pg-boss and LISTEN/NOTIFY; undefined on SQLite. */
  pgPool: pg.Pool | undefined;
  /** The search_path schema in use on PostgreSQL (tests isolate each file in its own). */
  pgSchema: string | undefined;
  destroy(): Promise<void>;
}

export type StoreConfig =
  | DatabaseConfig
  | { kind: 'postgres'; url: string; poolSize: number; schema: string };

export async function openStore(config: StoreConfig, options: { migrate?: boolean } = {}): Promise<Store> {
  const store = config.kind === 'sqlite' ? sqliteStore(config.file) : postgresStore(config);
  if (options.migrate !== false) {
    await migrateToLatest(store.db, store.dialect);
  }
  return store;
}

function sqliteStore(file: string): Store {
  const db = openSqlite(file);
  return { db, dialect: 'sqlite', pgPool: undefined, pgSchema: undefined, destroy: () => db.destroy() };
}

function postgresStore(config: StoreConfig & { kind: 'postgres' }): Store {
  const schema = 'schema' in config ? config.schema : undefined;
  const pool = createPgPool(config.url, config.poolSize, schema);
  const db = openPostgres(pool);
  // Kysely's destroy ends the pool it was given.
  return { db, dialect: 'postgres', pgPool: pool, pgSchema: schema, destroy: () => db.destroy() };
}
