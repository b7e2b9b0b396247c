import type { Kysely } from 'kysely';
import { AppError, type Clock, newId, notFound } from '../kernel/index.ts';
import { type Database, type Db, readJson, writeJson } from '../store/index.ts';
import { compileRules } from './engine/evaluate.ts';
import { findRuleLoop } from './engine/loops.ts';
import type { Action, Condition, Rule, RuleInput } from './engine/rule.schema.ts';

export interface StoredRule extends Rule {
  position: number;
  version: number;
  createdAt: number;
  updatedAt: number;
}

interface Definition {
  match: Rule['match'];
  conditions: Condition[];
  actions: Action[];
}

export async function listRules(db: Db): Promise<StoredRule[]> {
  const rows = await db.selectFrom('routing_rules').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map((row) => {
    const definition = readJson<Definition>(row.definition);
    return {
      id: row.id,
      name: row.name,
      enabled: Boolean(row.enabled),
      match: definition.match,
      conditions: definition.conditions,
      actions: definition.actions,
      position: row.position,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

/** Every change of the rule set adds a version row, so their count moves with it (the engine's cache key). */
export async function getRulesSignature(db: Db): Promise<number> {
  const row = await db
    .selectFrom('routing_rule_versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Rule CRUD. Every change is checked against the whole resulting rule set (patterns compile safely, no
 * loop between rules, referenced teams and agents exist), renumbers positions, and adds a version row.
 */
export function createRulesStore(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function save(
    change: 'created' | 'updated' | 'deleted',
    id: string,
    input: RuleInput | undefined,
    actorId: string | null,
  ): Promise<StoredRule | undefined> {
    return db.transaction().execute(async (trx) => {
      const rules = await listRules(trx);
      const current = rules.find((r) => r.id === id);
      if (change !== 'created' && !current) {
        throw notFound('rule', id);
      }
      const now = clock.now();
      const others = rules.filter((r) => r.id !== id);
      const next: StoredRule | undefined = input && {
        id,
        name: input.name,
        enabled: input.enabled,
        match: input.match,
        conditions: input.conditions,
        actions: input.actions,
        position: input.position ?? current?.position ?? others.length,
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      const ordered = next
        ? [...others.slice(0, next.position), next, ...others.slice(next.position)]
        : others;
      if (next) {
        await assertValid(trx, next, ordered);
      }
      for (const [position, rule] of ordered.entries()) {
        rule.position = position;
      }
      if (current) {
        await trx.deleteFrom('routing_rules').where('id', '=', id).execute();
      }
      if (next) {
        await trx
          .insertInto('routing_rules')
          .values({
            id,
            position: next.position,
            name: next.name,
            enabled: next.enabled ? 1 : 0,
            definition: writeJson({ match: next.match, conditions: next.conditions, actions: next.actions }),
            version: next.version,
            created_at: next.createdAt,
            updated_at: now,
          })
          .execute();
      }
      for (const rule of others) {
        await trx
          .updateTable('routing_rules')
          .set({ position: rule.position })
          .where('id', '=', rule.id)
          .execute();
      }
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...snapshot } = (next ?? current)!;
      await trx
        .insertInto('routing_rule_versions')
        .values({
          id: newId(),
          rule_id: id,
          version: next?.version ?? current!.version + 1,
          change,
          snapshot: writeJson(snapshot),
          changed_by: actorId,
          created_at: now,
        })
        .execute();
      return next;
    });
  }

  return {
    list: () => listRules(db),
    async get(id: string): Promise<StoredRule> {
      const rule = (await listRules(db)).find((r) => r.id === id);
      if (!rule) {
        throw notFound('rule', id);
      }
      return rule;
    },
    create: async (input: RuleInput, actorId: string | null) =>
      (await save('created', newId(), input, actorId))!,
    update: async (id: string, input: RuleInput, actorId: string | null) =>
      (await save('updated', id, input, actorId))!,
    async remove(id: string, actorId: string | null): Promise<void> {
      await save('deleted', id, undefined, actorId);
    },
    async listVersions(id: string) {
      const rows = await db
        .selectFrom('routing_rule_versions')
        .selectAll()
        .where('rule_id', '=', id)
        .orderBy('version', 'desc')
        .execute();
      if (rows.length === 0) {
        throw notFound('rule', id);
      }
      return rows.map((r) => ({
        version: r.version,
        change: r.change,
        rule: readJson<Record<string, unknown>>(r.snapshot),
        changedBy: r.changed_by,
        createdAt: r.created_at,
      }));
    },
  };
}

export type RulesStore = ReturnType<typeof createRulesStore>;

async function assertValid(db: Db, rule: StoredRule, ordered: readonly StoredRule[]): Promise<void> {
  compileRules([rule]);
  const loop = findRuleLoop(ordered);
  if (loop) {
    throw new AppError(
      'unprocessable',
      'routing.rule_loop',
      `These rules would trigger each other in a loop: ${loop.join(' → ')}. Change a condition or an action.`,
      { details: { rules: loop } },
    );
  }
  for (const [index, action] of rule.actions.entries()) {
    if (action.kind === 'set_team') {
      await assertExists(db, 'teams', action.teamId, `actions.${index}.teamId`);
    }
    if (action.kind === 'assign') {
      await assertExists(db, 'users', action.userId, `actions.${index}.userId`);
    }
    if (action.kind === 'start_flow') {
      await assertExists(db, 'bot_flows', action.flowId, `actions.${index}.flowId`);
    }
  }
}

const WHAT = { teams: 'team', users: 'user', bot_flows: 'bot flow' } as const;

async function assertExists(db: Db, table: keyof typeof WHAT, id: string, field: string): Promise<void> {
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new AppError(
      'invalid_input',
      'routing.unknown_reference',
      `${field}: no ${WHAT[table]} with id ${id}`,
      {
        details: { field },
      },
    );
  }
}
