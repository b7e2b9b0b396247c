import type { Kysely } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
/**
 * Fields that routing, analysis, SLA and analytics all read, added once so each of them can rely on
 * them: the ticket's support tier, problem category (with the classifier's confidence), the sentiment
 * of the customer's latest text, whether the bot resolved it alone; the customer's VIP flag and
 * segment; and each agent's presence with its history (utilisation is time handling vs time online).
 */
export function ticketFieldsMigration(dialect: Dialect) {
  const flag = dialect === 'postgres' ? 'smallint' : 'integer';
  const real = dialect === 'postgres' ? 'double precision' : 'real';

  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types (Kysely's guidance).
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('tickets')
        .addColumn('tier', 'text', (c) => c.notNull().defaultTo('L1'))
        .execute();
      await db.schema.alterTable('tickets').addColumn('category', 'text').execute();
      await db.schema.alterTable('tickets').addColumn('category_confidence', real).execute();
      await db.schema.alterTable('tickets').addColumn('sentiment', real).execute();
      await db.schema
        .alterTable('tickets')
        .addColumn('bot_resolved', flag, (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('contacts')
        .addColumn('vip', flag, (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('contacts').addColumn('segment', 'text').execute();
      await db.schema
        .alterTable('users')
        .addColumn('presence', 'text', (c) => c.notNull().defaultTo('offline'))
        .execute();
      await db.schema
        .createIndex('tickets_team_status')
        .on('tickets')
        .columns(['team_id', 'status'])
        .execute();

      // One row per presence change; the open interval is the row with the latest `at` per user.
      await db.schema
        .createTable('presence_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('presence', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('presence_log_user_at')
        .on('presence_log')
        .columns(['user_id', 'at'])
        .execute();
    },
  };
}
