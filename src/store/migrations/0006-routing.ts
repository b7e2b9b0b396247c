import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.types.ts';

// Frozen in time: never edit a migration that has shipped; add a new one.
/**
 * Routing: ordered rules stored as data with every version kept; per-team assignment settings, per-agent
 * skills, languages and ticket cap; the team each escalation tier goes to. Seeds the out-of-the-box
 * setup. Bot flows (FAQ answers, menus, hand-off) as data, and the session of each ticket in one. Seeds
 * the out-of-the-box setup: a Finance team receiving billing and payment messages (six languages' words), and angry VIPs
 * jumping the queue.
 */
export function routingMigration(dialect: Dialect) {
  const json = dialect === 'postgres' ? sql`jsonb` : sql`text`;
  const flag = dialect === 'postgres' ? 'smallint' : 'integer';

  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types (Kysely's guidance).
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('routing_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('enabled', flag, (c) => c.notNull())
        .addColumn('definition', json, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // Not a foreign key: the history of a deleted rule stays.
      await db.schema
        .createTable('routing_rule_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .addColumn('snapshot', json, (c) => c.notNull())
        .addColumn('changed_by', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('routing_rule_versions_rule_version', ['rule_id', 'version'])
        .execute();
      await db.schema
        .createTable('team_routing')
        .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id').onDelete('cascade'))
        .addColumn('strategy', 'text', (c) => c.notNull().defaultTo('least_loaded'))
        .addColumn('offline_policy', 'text', (c) => c.notNull().defaultTo('keep'))
        .addColumn('last_assigned_user_id', 'text')
        .execute();
      await db.schema
        .createTable('agent_profiles')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('skills', json, (c) => c.notNull())
        .addColumn('languages', json, (c) => c.notNull())
        .addColumn('max_tickets', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('escalation_paths')
        .addColumn('tier', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
        .execute();
      await db.schema
        .createTable('bot_flows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('definition', json, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // A ticket talking to the bot: the flow and the menu it waits on. Such tickets wait for no agent.
      await db.schema
        .createTable('bot_sessions')
        .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
        .addColumn('flow_id', 'text', (c) => c.notNull().references('bot_flows.id').onDelete('cascade'))
        .addColumn('node_id', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('tickets_waiting')
        .on('tickets')
        .columns(['assignee_id', 'status', 'team_id'])
        .execute();
      await seed(db);
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
async function seed(db: Kysely<any>): Promise<void> {
  const now = Date.now();
  const existing = await db.selectFrom('teams').select('id').where('name', '=', 'Finance').executeTakeFirst();
  const financeId = existing?.id ?? `01FINANCE${now.toString(36).toUpperCase().padStart(17, '0')}`;
  if (!existing) {
    await db.insertInto('teams').values({ id: financeId, name: 'Finance', created_at: now }).execute();
  }
  await db.insertInto('team_routing').values({ team_id: financeId }).execute();
  const rules = [
    {
      id: '01ROUTINGRULEANGRYVIP00000',
      name: 'Angry VIP jumps the queue',
      definition: {
        match: 'all',
        conditions: [
          { kind: 'vip', is: true },
          { kind: 'sentiment', below: -0.3 },
        ],
        actions: [{ kind: 'set_priority', priority: 'urgent' }],
      },
    },
    {
      id: '01ROUTINGRULEBILLING000000',
      name: 'Billing and payments to Finance',
      definition: {
        match: 'all',
        conditions: [
          {
            kind: 'keywords',
            words: [
              'billing',
              'bill',
              'invoice*',
              'payment*',
              'facture*',
              'paiement*',
              'pago*',
              'factura*',
              'pagamento*',
              'fattura*',
              'دفع',
              'فاتورة',
            ],
          },
        ],
        actions: [{ kind: 'set_team', teamId: financeId }],
      },
    },
    {
      // Off until an admin turns it on: it answers every new conversation at once, as the bot.
      id: '01ROUTINGRULEACKNOWLEDGE00',
      name: 'Acknowledge new conversations',
      enabled: false,
      definition: {
        match: 'all',
        conditions: [{ kind: 'first_message', is: true }],
        actions: [{ kind: 'acknowledge' }],
      },
    },
  ];
  for (const [position, rule] of rules.entries()) {
    const enabled = rule.enabled ?? true;
    const definition = JSON.stringify(rule.definition);
    await db
      .insertInto('routing_rules')
      .values({
        id: rule.id,
        position,
        name: rule.name,
        enabled: enabled ? 1 : 0,
        definition,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('routing_rule_versions')
      .values({
        id: `${rule.id.slice(0, 20)}V000001`,
        rule_id: rule.id,
        version: 1,
        change: 'created',
        snapshot: JSON.stringify({ name: rule.name, enabled, position, ...rule.definition }),
        changed_by: null,
        created_at: now,
      })
      .execute();
  }
}
