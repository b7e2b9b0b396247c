import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
export function coreMigration(dialect: Dialect) {
  const json = dialect === 'postgres' ? sql`jsonb` : sql`text`;
  const flag = dialect === 'postgres' ? 'smallint' : 'integer';

  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types (Kysely's guidance).
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('disabled_at', 'bigint')
        .execute();

      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('team_members')
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();

      await db.schema
        .createTable('channels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('phone_number_id', 'text', (c) => c.notNull().unique())
        .addColumn('display_phone_number', 'text', (c) => c.notNull())
        .addColumn('waba_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('wa_id', 'text', (c) => c.unique())
        .addColumn('bsuid', 'text', (c) => c.unique())
        .addColumn('username', 'text')
        .addColumn('name', 'text')
        .addColumn('language', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('tickets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'bigint', (c) => c.notNull().unique())
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
        .addColumn('language', 'text')
        .addColumn('referral', json)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('first_inbound_at', 'bigint')
        .addColumn('last_inbound_at', 'bigint')
        .addColumn('last_outbound_at', 'bigint')
        .addColumn('first_response_at', 'bigint')
        .addColumn('solved_at', 'bigint')
        .addColumn('closed_at', 'bigint')
        .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_message_at', 'bigint', (c) => c.notNull())
        .addColumn('last_message_preview', 'text')
        .execute();
      // The database itself guarantees one active ticket per customer and business number,
      // whatever the concurrency between webhook deliveries and processes.
      await sql`create unique index tickets_one_active on tickets (contact_id, channel_id)
        where status in ('new', 'open', 'pending')`.execute(db);
      // Every customer message moves last_message_at, so it is indexed once (inbox order), not per view.
      await db.schema
        .createIndex('tickets_activity')
        .on('tickets')
        .columns(['last_message_at', 'id'])
        .execute();
      await db.schema.createIndex('tickets_status').on('tickets').column('status').execute();
      await db.schema
        .createIndex('tickets_assignee')
        .on('tickets')
        .columns(['assignee_id', 'status'])
        .execute();
      await db.schema
        .createIndex('tickets_contact')
        .on('tickets')
        .columns(['contact_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('ticket_tags')
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ticket_tags_pk', ['ticket_id', 'tag'])
        .execute();
      await db.schema
        .createIndex('ticket_tags_tag')
        .on('ticket_tags')
        .columns(['tag', 'ticket_id'])
        .execute();

      await db.schema
        .createTable('ticket_reads')
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('read_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('ticket_reads_pk', ['ticket_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('ticket_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('data', json, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ticket_events_ticket')
        .on('ticket_events')
        .columns(['ticket_id', 'id'])
        .execute();

      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('author_type', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text')
        .addColumn('wamid', 'text', (c) => c.unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('content', json, (c) => c.notNull())
        .addColumn('context_wamid', 'text')
        .addColumn('forwarded', flag, (c) => c.notNull().defaultTo(0))
        .addColumn('frequently_forwarded', flag, (c) => c.notNull().defaultTo(0))
        .addColumn('referral', json)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_at', 'bigint')
        .addColumn('error_code', 'integer')
        .addColumn('error_reason', 'text')
        .addColumn('error_message', 'text')
        .addColumn('idempotency_key', 'text')
        .addColumn('customer_timestamp', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('edited_at', 'bigint')
        .addColumn('deleted_at', 'bigint')
        .execute();
      await db.schema.createIndex('messages_ticket').on('messages').columns(['ticket_id', 'id']).execute();
      // Most messages have neither: partial indexes keep inbound inserts to three b-trees.
      await sql`create unique index messages_idempotency on messages (idempotency_key) where idempotency_key is not null`.execute(
        db,
      );
      await sql`create index messages_context on messages (context_wamid) where context_wamid is not null`.execute(
        db,
      );

      await db.schema
        .createTable('message_statuses')
        .addColumn('wamid', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('timestamp', 'bigint', (c) => c.notNull())
        .addColumn('errors', json)
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('message_statuses_pk', ['wamid', 'status'])
        .execute();

      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('run_at', 'bigint', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();

      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await db.insertInto('counters').values({ name: 'ticket_number', value: 1000 }).execute();
      if (dialect === 'postgres') {
        await sql`create sequence ticket_number_seq start with 1001`.execute(db);
      }
    },
  };
}
