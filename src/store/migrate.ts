import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database, Dialect } from './database.types.ts';
import { coreMigration } from './migrations/0001-core.ts';

function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-core': coreMigration(dialect),
  };
}

/** Brings the schema up to date; safe to call from several processes at once (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new Error(`Database migration failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
