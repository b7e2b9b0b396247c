import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.ts';

export type TestDialect = 'sqlite' | 'postgres';

/** The dialects every database test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDialects: TestDialect[] = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestStore extends Store {
  /** Drops what the test created (the PostgreSQL schema) and closes connections. */
  cleanup(): Promise<void>;
}

/** A fresh, migrated database: in-memory SQLite, or a new schema on the test PostgreSQL server. */
export async function openTestStore(
  dialect: TestDialect,
  options: { sqliteFile?: string } = {},
): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const store = await openStore({ kind: 'sqlite', file: options.sqliteFile ?? ':memory:' });
    return { ...store, cleanup: () => store.destroy() };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const store = await openStore({ kind: 'postgres', url, poolSize: 6, schema });
  return {
    ...store,
    cleanup: async () => {
      await store.destroy();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.query(`drop schema if exists ${schema}_boss cascade`);
      await client.end();
    },
  };
}
