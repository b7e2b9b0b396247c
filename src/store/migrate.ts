import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database, Dialect } from './database.types.ts';
import { coreMigration } from './migrations/0001-core.ts';
import { mediaMigration } from './migrations/0002-media.ts';
import { ticketFieldsMigration } from './migrations/0003-ticket-fields.ts';
import { auditMigration } from './migrations/0004-audit.ts';
import { analysisMigration } from './migrations/0005-analysis.ts';
import { routingMigration } from './migrations/0006-routing.ts';
import { slaMigration } from './migrations/0007-sla.ts';
import { analyticsMigration } from './migrations/0008-analytics.ts';
import { knowledgeMigration } from './migrations/0009-knowledge.ts';
import { templatesMigration } from './migrations/0010-templates.ts';

function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-core': coreMigration(dialect),
    '0002-media': mediaMigration(dialect),
    '0003-ticket-fields': ticketFieldsMigration(dialect),
    '0004-audit': auditMigration(dialect),
    '0005-analysis': analysisMigration(dialect),
    '0009-knowledge': knowledgeMigration(dialect),
    '0006-routing': routingMigration(dialect),
    '0008-analytics': analyticsMigration(dialect),
    '0010-templates': templatesMigration(dialect),
    '0007-sla': slaMigration(dialect),
  };
}

/** Brings the schema up to date; safe to call from several processes at once (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  // Kysely looks for its bookkeeping tables in every schema unless told which one: pin them to ours, so
  // another schema in the same database (another app, a parallel test) cannot be mistaken for it.
  const migrationTableSchema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new Error(`Database migration failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
