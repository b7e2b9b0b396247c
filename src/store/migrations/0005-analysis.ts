import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
/**
 * Local image/video/voice analysis. `media_analyses`: one result per inbound media item (verdict, flags,
 * scores, EXIF summary, the duplicate it matched). `media_hashes`: the 64-bit perceptual hash of each
 * analysed picture as four 16-bit bands, each indexed, for multi-index near-duplicate search.
 * `analysis_settings`: the business's switches and guidance wording (one row, scope 'default').
 */
export function analysisMigration(dialect: Dialect) {
  const json = dialect === 'postgres' ? sql`jsonb` : sql`text`;

  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types (Kysely's guidance).
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('media_analyses')
        .addColumn('media_id', 'text', (c) => c.primaryKey().references('media.id').onDelete('cascade'))
        .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('flags', json, (c) => c.notNull())
        .addColumn('reasons', json, (c) => c.notNull())
        .addColumn('scores', json, (c) => c.notNull())
        .addColumn('phash', 'text')
        .addColumn('exif', json)
        .addColumn('duplicate_media_id', 'text')
        .addColumn('duplicate_distance', 'integer')
        .addColumn('analyser_version', 'text', (c) => c.notNull())
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('analysed_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('media_analyses_ticket').on('media_analyses').column('ticket_id').execute();

      await db.schema
        .createTable('media_hashes')
        .addColumn('media_id', 'text', (c) => c.primaryKey().references('media.id').onDelete('cascade'))
        .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
        .addColumn('b0', 'integer', (c) => c.notNull())
        .addColumn('b1', 'integer', (c) => c.notNull())
        .addColumn('b2', 'integer', (c) => c.notNull())
        .addColumn('b3', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      // One covering index per band: a lookup reads the candidates' other bands and ticket from the
      // index alone (about 1,000 rows at a million hashes), never the table.
      const bands = ['b0', 'b1', 'b2', 'b3'];
      for (const band of bands) {
        await db.schema
          .createIndex(`media_hashes_${band}`)
          .on('media_hashes')
          .columns([band, ...bands.filter((other) => other !== band), 'ticket_id', 'media_id'])
          .execute();
      }

      await db.schema
        .createTable('analysis_settings')
        .addColumn('scope', 'text', (c) => c.primaryKey())
        .addColumn('enabled', json, (c) => c.notNull())
        .addColumn('guidance', json, (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
