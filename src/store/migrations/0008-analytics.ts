import type { Kysely } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
/**
 * Analytics: one narrow fact row per ticket (its durations already measured and bucketed, its flags and
 * dimensions), the next-response waits and media counts of each ticket, kept up to date from the raw
 * tables by the `analytics.refresh-facts` job, so reports aggregate without reading messages; and survey
 * invitations and answers (CSAT 1–5 after a ticket is solved, NPS 0–10), tied to the
 * ticket and the agent who handled it when sent, so a score stays with the agent even after reassignment.
 */
export function analyticsMigration(dialect: Dialect) {
  const flag = dialect === 'postgres' ? 'smallint' : 'integer';
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
      // Covers the survey totals (answers per score by send time) without reading the table.
      await db.schema
        .createIndex('surveys_sent')
        .on('surveys')
        .columns(['sent_at', 'kind', 'score'])
        .execute();
      // Reports select tickets by when they were opened; tickets are written rarely, so the index is cheap.
      await db.schema.createIndex('tickets_created').on('tickets').columns(['created_at']).execute();
      await db.schema.createIndex('surveys_ticket').on('surveys').columns(['ticket_id']).execute();

      let facts = db.schema
        .createTable('analytics_ticket_facts')
        .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
        .addColumn('opened_at', 'bigint', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull());
      for (const dimension of [
        'team_id',
        'agent_id',
        'channel_id',
        'tier',
        'category',
        'language',
        'segment',
      ]) {
        facts = facts.addColumn(dimension, 'text');
      }
      for (const name of [
        'solved',
        'closed',
        'reopened',
        'resolved',
        'fcr',
        'repeat_contact',
        'bot_resolved',
        'bot_engaged',
        'takeover',
      ]) {
        facts = facts.addColumn(name, flag, (c) => c.notNull());
      }
      // Durations in ms and their histogram bucket (null when the ticket has none).
      for (const name of ['frt', 'bot_frt', 'resolution', 'close']) {
        facts = facts.addColumn(`${name}_ms`, 'bigint').addColumn(`${name}_bucket`, 'integer');
      }
      for (const name of ['inbound_messages', 'agent_messages', 'bot_messages', 'system_messages']) {
        facts = facts.addColumn(name, 'integer', (c) => c.notNull());
      }
      await facts.execute();
      await db.schema
        .createIndex('analytics_ticket_facts_opened')
        .on('analytics_ticket_facts')
        .columns(['opened_at'])
        .execute();
      // Histograms of a period read this index alone (facts are written by one job, never on ingest).
      await db.schema
        .createIndex('analytics_ticket_facts_buckets')
        .on('analytics_ticket_facts')
        .columns([
          'opened_at',
          'agent_id',
          'team_id',
          'frt_bucket',
          'bot_frt_bucket',
          'resolution_bucket',
          'close_bucket',
        ])
        .execute();
      await db.schema
        .createTable('analytics_waits')
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        // The ticket's opening, agent and team, so a period's waits are read without the fact rows.
        .addColumn('opened_at', 'bigint', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('wait_ms', 'bigint', (c) => c.notNull())
        .addColumn('bucket', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('analytics_waits_pk', ['ticket_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('analytics_waits_opened')
        .on('analytics_waits')
        .columns(['opened_at', 'agent_id', 'team_id', 'bucket', 'wait_ms'])
        .execute();
      await db.schema
        .createTable('analytics_ticket_media')
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
        .addColumn('opened_at', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('analytics_ticket_media_pk', ['ticket_id', 'kind', 'direction'])
        .execute();
      await db.schema
        .createIndex('analytics_ticket_media_opened')
        .on('analytics_ticket_media')
        .columns(['opened_at', 'kind', 'direction', 'n'])
        .execute();

      // Daily rollup of the fact rows, once per dimension: (day, 'all', ''), (day, 'team', <id>), …
      let daily = db.schema
        .createTable('analytics_daily')
        .addColumn('dim', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull());
      for (const name of [
        'opened',
        'solved',
        'closed',
        'reopened',
        'resolved',
        'fcr',
        'repeat_contact',
        'bot_resolved',
        'bot_engaged',
        'takeover',
        'inbound_messages',
        'agent_messages',
        'bot_messages',
        'system_messages',
      ]) {
        daily = daily.addColumn(name, 'integer', (c) => c.notNull());
      }
      for (const name of ['frt', 'bot_frt', 'resolution', 'close', 'next_response']) {
        daily = daily
          .addColumn(`${name}_count`, 'integer', (c) => c.notNull())
          .addColumn(`${name}_sum`, 'bigint', (c) => c.notNull());
      }
      await daily.addPrimaryKeyConstraint('analytics_daily_pk', ['dim', 'day', 'value']).execute();
      // Duration histograms of all tickets per day (the dashboard's periods), …
      await db.schema
        .createTable('analytics_daily_hist')
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('bucket', 'integer', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('analytics_daily_hist_pk', ['day', 'metric', 'bucket'])
        .execute();
      // … and per dimension value per calendar month (a day's would hold more rows than it has tickets).
      await db.schema
        .createTable('analytics_monthly_hist')
        .addColumn('dim', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('month', 'integer', (c) => c.notNull())
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('bucket', 'integer', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('analytics_monthly_hist_pk', ['dim', 'month', 'value', 'metric', 'bucket'])
        .execute();
    },
  };
}
