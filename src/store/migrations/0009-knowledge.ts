import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
/**
 * The text side of media analysis and the knowledge base. `media_texts` holds what was read from one
 * media item (OCR of an image or a document's first page, or a voice note's transcript) with the engine,
 * language, confidence and time taken, or why there is none (`no_engine`, `failed`). `kb_articles` are
 * troubleshooting articles (category, keywords, error codes) with one translation per language;
 * `knowledge_settings` the business's choices (analysers on/off, auto-send threshold, category rules).
 */
export function knowledgeMigration(dialect: Dialect) {
  const json = dialect === 'postgres' ? sql`jsonb` : sql`text`;
  const real = dialect === 'postgres' ? 'double precision' : 'real';

  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types (Kysely's guidance).
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('media_texts')
        .addColumn('media_id', 'text', (c) => c.primaryKey().references('media.id').onDelete('cascade'))
        .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('engine', 'text')
        .addColumn('language', 'text')
        .addColumn('text', 'text')
        .addColumn('confidence', real)
        .addColumn('duration_ms', 'integer')
        .addColumn('reason', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('media_texts_ticket').on('media_texts').column('ticket_id').execute();

      await db.schema
        .createTable('kb_articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('keywords', json, (c) => c.notNull())
        .addColumn('error_codes', json, (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('kb_article_translations')
        .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('steps', json, (c) => c.notNull())
        .addPrimaryKeyConstraint('kb_article_translations_pk', ['article_id', 'language'])
        .execute();
      // One row per business (today one, id 'default'): analysers on/off, auto-send threshold, rules.
      await db.schema
        .createTable('knowledge_settings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('value', json, (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
