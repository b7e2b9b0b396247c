import type { Kysely } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
/**
 * WhatsApp message templates as last synced from the Graph API (one row per name and language), and
 * agents' canned replies (text with placeholders, filled when inserted into the composer).
 */
export function templatesMigration(dialect: Dialect) {
  const json = dialect === 'postgres' ? 'jsonb' : 'text';

  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types (Kysely's guidance).
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('templates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('parameter_format', 'text', (c) => c.notNull())
        .addColumn('components', json, (c) => c.notNull())
        .addColumn('synced_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('templates_name_language', ['name', 'language'])
        .execute();

      await db.schema
        .createTable('canned_replies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shortcut', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
