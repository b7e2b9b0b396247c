import type { Kysely } from 'kysely';
import { type Clock, newId, notFound } from '../../kernel/index.ts';
import { type Database, type Db, readJson, writeJson } from '../../store/index.ts';
import { assertNoFlowLoop, type FlowInput } from './flow.schema.ts';

export interface StoredFlow extends FlowInput {
  id: string;
  version: number;
  updatedAt: number;
}

export async function findFlow(db: Db, id: string): Promise<StoredFlow | undefined> {
  const row = await db.selectFrom('bot_flows').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const definition = readJson<Omit<FlowInput, 'name'>>(row.definition);
  return { id: row.id, name: row.name, ...definition, version: row.version, updatedAt: row.updated_at };
}

/** Bot flows as data: saved whole (a new version each time) once their nodes and loops are checked. */
export function createFlowsStore(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async list(): Promise<StoredFlow[]> {
      const rows = await db.selectFrom('bot_flows').select('id').orderBy('name').execute();
      return (await Promise.all(rows.map((r) => findFlow(db, r.id)))).filter((f): f is StoredFlow =>
        Boolean(f),
      );
    },
    async get(id: string): Promise<StoredFlow> {
      const flow = await findFlow(db, id);
      if (!flow) {
        throw notFound('flow', id);
      }
      return flow;
    },
    async save(id: string | undefined, input: FlowInput): Promise<StoredFlow> {
      assertNoFlowLoop(input);
      const now = clock.now();
      const definition = writeJson({ start: input.start, nodes: input.nodes });
      if (id) {
        const current = await this.get(id);
        await db
          .updateTable('bot_flows')
          .set({ name: input.name, definition, version: current.version + 1, updated_at: now })
          .where('id', '=', id)
          .execute();
        return this.get(id);
      }
      const created = newId();
      await db
        .insertInto('bot_flows')
        .values({ id: created, name: input.name, definition, version: 1, created_at: now, updated_at: now })
        .execute();
      return this.get(created);
    },
  };
}

export type FlowsStore = ReturnType<typeof createFlowsStore>;
