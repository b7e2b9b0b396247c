import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore, testDialects } from '../../test/support/databases.ts';
import { lockKeys, nextTicketNumber } from './index.ts';

describe.each(testDialects)('store on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('hands out increasing ticket numbers starting at 1001', async () => {
    const first = await store.db.transaction().execute((trx) => nextTicketNumber(trx, dialect));
    const second = await store.db.transaction().execute((trx) => nextTicketNumber(trx, dialect));
    expect(first).toBe(1001);
    expect(second).toBe(1002);
  });

  it('returns epoch milliseconds as numbers', async () => {
    const now = Date.now();
    await store.db.insertInto('teams').values({ id: 't1', name: 'Returns desk', created_at: now }).execute();
    const row = await store.db
      .selectFrom('teams')
      .selectAll()
      .where('id', '=', 't1')
      .executeTakeFirstOrThrow();
    expect(row.created_at).toBe(now);
  });

  it('takes advisory locks inside a transaction without error', async () => {
    await store.db
      .transaction()
      .execute((trx) => lockKeys(trx, dialect, ['contact:1', 'contact:2', 'contact:1']));
  });
});
