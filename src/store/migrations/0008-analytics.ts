import type { Kysely } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
/**
 * Analytics: survey invitations and answers (CSAT 1–5 after a ticket is solved, NPS 0–10), tied to the
 * ticket and the agent who handled it when sent, so a score stays with the agent even after reassignment.
 */
export function analyticsMigration(_dialect: Dialect) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types (Kysely's guidance).
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('surveys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
        .addColumn('agent_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('sent_at', 'bigint', (c) => c.notNull())
        .addColumn('answered_at', 'bigint')
        .addColumn('score', 'integer')
        .addColumn('comment', 'text')
        .execute();
      await db.schema.createIndex('surveys_kind_sent').on('surveys').columns(['kind', 'sent_at']).execute();
      // Reports select tickets by when they were opened; tickets are written rarely, so the index is cheap.
      await db.schema.createIndex('tickets_created').on('tickets').columns(['created_at']).execute();
      await db.schema.createIndex('surveys_ticket').on('surveys').columns(['ticket_id']).execute();
    },
  };
}
