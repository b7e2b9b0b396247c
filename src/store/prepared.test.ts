import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore, testDialects } from '../../test/support/databases.ts';
import { prepareQuery } from './index.ts';

const teamByName = prepareQuery((db, name: string, after: number) =>
  db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('name', '=', name)
    .where('created_at', '>', after)
    .limit(1),
);

describe.each(testDialects)('prepareQuery on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
    await store.db
      .insertInto('teams')
      .values([
        { id: 't1', name: 'Returns desk', created_at: 10 },
        { id: 't2', name: 'Support', created_at: 20 },
      ])
      .execute();
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('runs the same compiled query with new arguments and keeps constants', async () => {
    expect(await teamByName(store.db, 'Returns desk', 0)).toEqual([{ id: 't1', name: 'Returns desk' }]);
    expect(await teamByName(store.db, 'Support', 0)).toEqual([{ id: 't2', name: 'Support' }]);
    expect(await teamByName(store.db, 'Support', 25)).toEqual([]);
  });

  it('works inside a transaction', async () => {
    const rows = await store.db.transaction().execute((trx) => teamByName(trx, 'Returns desk', 5));
    expect(rows).toHaveLength(1);
  });

  it('refuses a builder that uses an argument to shape the query', async () => {
    const shaped = prepareQuery((db, column: string) =>
      db.selectFrom('teams').select(column === 'x' ? 'id' : 'name'),
    );
    await expect(shaped(store.db, 'x')).rejects.toThrow(/argument 0 does not reach the query/);
  });
});
