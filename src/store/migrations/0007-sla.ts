import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
/**
 * SLA: business-hours calendars, policies (ordered: the first whose conditions match applies), one row
 * per ticket and metric cycle holding its timer as data (the sweep reads due rows through partial
 * indexes), and in-app notifications.
 */
export function slaMigration(dialect: Dialect) {
  const json = dialect === 'postgres' ? sql`jsonb` : sql`text`;
  const flag = dialect === 'postgres' ? 'smallint' : 'integer';
  const real = dialect === 'postgres' ? 'double precision' : 'real';

  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types (Kysely's guidance).
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('sla_calendars')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('hours', json, (c) => c.notNull())
        .addColumn('holidays', json, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sla_policies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('position', 'integer', (c) => c.notNull().unique())
        .addColumn('enabled', flag, (c) => c.notNull())
        .addColumn('conditions', json, (c) => c.notNull())
        .addColumn('targets', json, (c) => c.notNull())
        .addColumn('calendar_id', 'text', (c) => c.references('sla_calendars.id'))
        .addColumn('warn_share', real)
        .addColumn('count_bot_replies', flag, (c) => c.notNull())
        .addColumn('actions', json, (c) => c.notNull())
        .addColumn('webhook_url', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sla_timers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
        .addColumn('policy_id', 'text', (c) => c.notNull().references('sla_policies.id').onDelete('cascade'))
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('target_ms', 'bigint', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('consumed_ms', 'bigint', (c) => c.notNull())
        .addColumn('running_since', 'bigint')
        .addColumn('paused_at', 'bigint')
        .addColumn('paused_ms', 'bigint', (c) => c.notNull())
        .addColumn('due_at', 'bigint')
        .addColumn('warn_at', 'bigint')
        .addColumn('warned_at', 'bigint')
        .addColumn('breached_at', 'bigint')
        .addColumn('stopped_at', 'bigint')
        .execute();
      // One running timer (not yet stopped, breached or not) per ticket and metric.
      await sql`create unique index sla_timers_running on sla_timers (ticket_id, metric) where stopped_at is null`.execute(
        db,
      );
      await sql`create index sla_timers_ticket on sla_timers (ticket_id)`.execute(db);
      await sql`create index sla_timers_due on sla_timers (due_at) where state = 'active'`.execute(db);
      await sql`create index sla_timers_warn on sla_timers (warn_at) where state = 'active' and warned_at is null`.execute(
        db,
      );
      await sql`create index sla_timers_started on sla_timers (started_at)`.execute(db);

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('data', json, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('read_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('notifications_user')
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();
    },
  };
}
