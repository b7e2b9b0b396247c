import { type Compilable, CompiledQuery, type DialectAdapter, type Kysely } from 'kysely';
import type { Database, Db } from './database.types.ts';

type Slot = { arg: number } | { constant: unknown };

/**
 * A query whose shape never changes, compiled once per dialect; only its parameters vary. `build` is
 * called once with placeholder arguments, which must each end up as a query parameter (not be used to
 * choose the query's shape). For hot paths, where building a query costs more than running it.
 */
export function prepareQuery<Args extends readonly unknown[], Row>(
  build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>,
): (db: Db, ...args: Args) => Promise<Row[]> {
  const plans = new WeakMap<DialectAdapter, { sql: string; slots: Slot[] }>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let plan = plans.get(adapter);
    if (!plan) {
      const placeholders = args.map((_, i) => `\u0000prepared-arg-${i}\u0000`);
      const compiled = build(db, ...(placeholders as unknown as Args)).compile();
      const slots = compiled.parameters.map((value): Slot => {
        const index = placeholders.indexOf(value as string);
        return index >= 0 ? { arg: index } : { constant: value };
      });
      placeholders.forEach((_, i) => {
        if (!slots.some((slot) => 'arg' in slot && slot.arg === i)) {
          throw new Error(`prepareQuery: argument ${i} does not reach the query as a parameter`);
        }
      });
      plan = { sql: compiled.sql, slots };
      plans.set(adapter, plan);
    }
    const parameters = plan.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.constant));
    const result = await db.executeQuery<Row>(CompiledQuery.raw(plan.sql, parameters));
    return [...result.rows];
  };
}
