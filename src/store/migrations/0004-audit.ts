import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
/**
 * Security: the append-only, hash-chained audit log and its chain head (one row, locked by every append so
 * the chain never forks); login throttling state (shared by every process); the optional TOTP secret.
 */
export function auditMigration(_dialect: Dialect) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types (Kysely's guidance).
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('audit_log')
        // The position in the chain: gapless, assigned under the chain-head lock.
        .addColumn('id', 'bigint', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        // Text on both dialects: the hash covers these exact bytes (jsonb would reorder keys).
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await sql`create index audit_log_action on audit_log (action, id)`.execute(db);
      await sql`create index audit_log_actor on audit_log (actor_id, id)`.execute(db);
      await sql`create index audit_log_target on audit_log (target_type, target_id, id)`.execute(db);
      await sql`create index audit_log_at on audit_log (at)`.execute(db);

      await db.schema
        .createTable('audit_chain_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('last_id', 'bigint', (c) => c.notNull())
        .addColumn('last_hash', 'text', (c) => c.notNull())
        .execute();
      await db
        .insertInto('audit_chain_head')
        .values({ id: 1, last_id: 0, last_hash: '0'.repeat(64) })
        .execute();

      await db.schema
        .createTable('login_throttle')
        // SHA-256 of "email:<address>" or "ip:<address>", so the table holds no addresses.
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('window_started_at', 'bigint', (c) => c.notNull())
        .addColumn('locked_until', 'bigint')
        .execute();

      await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_enabled_at', 'bigint').execute();

      // Scoped, expiring tokens: permissions is a JSON array (a subset of the role's), null = the role's.
      await db.schema.alterTable('api_tokens').addColumn('permissions', 'text').execute();
      await db.schema.alterTable('api_tokens').addColumn('expires_at', 'bigint').execute();
      // Set when a customer is erased: the row stays (tickets and anonymous counts point at it), emptied.
      await db.schema.alterTable('contacts').addColumn('erased_at', 'bigint').execute();
      // A sensitive class (identity_document, financial), set by analysis or by a person: only roles with
      // media.read_sensitive may open such media.
      await db.schema.alterTable('media').addColumn('sensitive_class', 'text').execute();
      // Set when a message's content was removed (erasure or retention); the row stays for counts.
      await db.schema.alterTable('messages').addColumn('redacted_at', 'bigint').execute();

      await db.schema
        .createTable('retention_policies')
        .addColumn('data_class', 'text', (c) => c.primaryKey())
        .addColumn('days', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('retention_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint', (c) => c.notNull())
        // JSON: { [dataClass]: number of items removed }.
        .addColumn('counts', 'text', (c) => c.notNull())
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('retention_runs').execute();
      await db.schema.dropTable('retention_policies').execute();
      await db.schema.alterTable('messages').dropColumn('redacted_at').execute();
      await db.schema.alterTable('media').dropColumn('sensitive_class').execute();
      await db.schema.alterTable('contacts').dropColumn('erased_at').execute();
      await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
      await db.schema.alterTable('api_tokens').dropColumn('permissions').execute();
      await db.schema.alterTable('users').dropColumn('totp_enabled_at').execute();
      await db.schema.alterTable('users').dropColumn('totp_secret').execute();
      await db.schema.dropTable('login_throttle').execute();
      await db.schema.dropTable('audit_chain_head').execute();
      await db.schema.dropTable('audit_log').execute();
    },
  };
}
