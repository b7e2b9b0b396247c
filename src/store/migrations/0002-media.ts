import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
/**
 * Media of messages. `media` is one attachment of one message (per-message facts: declared type, file
 * name, state); `media_blobs` is the encrypted content, stored once per SHA-256 and reference-counted,
 * with what was derived from the bytes (previews, dimensions, duration, pages, waveform).
 */
export function mediaMigration(dialect: Dialect) {
  const json = dialect === 'postgres' ? sql`jsonb` : sql`text`;
  const flag = dialect === 'postgres' ? 'smallint' : 'integer';

  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types (Kysely's guidance).
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('media_blobs')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('blob_key', 'text', (c) => c.notNull())
        .addColumn('wrapped_key', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('sniffed_mime', 'text')
        .addColumn('ref_count', 'integer', (c) => c.notNull())
        .addColumn('analysed_at', 'bigint')
        .addColumn('analysis_error', 'text')
        .addColumn('preview_key', 'text')
        .addColumn('preview_wrapped_key', 'text')
        .addColumn('preview_size', 'bigint')
        .addColumn('preview_mime', 'text')
        .addColumn('thumb_key', 'text')
        .addColumn('thumb_wrapped_key', 'text')
        .addColumn('thumb_size', 'bigint')
        .addColumn('thumb_mime', 'text')
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('duration_ms', 'bigint')
        .addColumn('page_count', 'integer')
        .addColumn('waveform', json)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('media')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // Null for an agent's upload until it is sent in a reply.
        .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('cascade'))
        .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('wa_media_id', 'text')
        .addColumn('graph_media_id', 'text')
        .addColumn('declared_mime', 'text')
        .addColumn('sniffed_mime', 'text')
        .addColumn('filename', 'text')
        .addColumn('size', 'bigint')
        .addColumn('sha256', 'text', (c) => c.references('media_blobs.sha256'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('state_reason', 'text')
        .addColumn('preview_state', 'text', (c) => c.notNull())
        .addColumn('preview_reason', 'text')
        .addColumn('voice', flag, (c) => c.notNull().defaultTo(0))
        .addColumn('animated', flag, (c) => c.notNull().defaultTo(0))
        .addColumn('uploaded_by', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await sql`create index media_message on media (message_id) where message_id is not null`.execute(db);
      await sql`create index media_sha256 on media (sha256) where sha256 is not null`.execute(db);
    },
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('media').execute();
      await db.schema.dropTable('media_blobs').execute();
    },
  };
}
