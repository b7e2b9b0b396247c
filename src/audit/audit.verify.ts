import type { Db } from '../store/index.ts';
import { GENESIS_HASH, hashAuditRow } from './audit.hash.ts';
import { listAuditRows, readChainHead } from './audit.repo.ts';
import type { ChainVerdict } from './audit.types.ts';

const BATCH = 500;

/**
 * Walks the chain from the first link: each row must follow the previous id without a gap, name the
 * previous row's hash, and hash to its stored value; the last row must be the chain head. Reports the
 * first row where that fails (an edited row fails its own hash; a deleted one leaves a gap).
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  const head = await readChainHead(db);
  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const broken = (id: number, reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch') =>
    ({ ok: false, checked, headId: head.lastId, firstBroken: { id, reason } }) as const;
  for (;;) {
    const rows = await listAuditRows(db, {}, { limit: BATCH, afterId: expectedId - 1 });
    for (const row of rows) {
      const id = Number(row.id);
      if (id !== expectedId) {
        return broken(expectedId, 'gap');
      }
      if (row.prev_hash !== prevHash) {
        return broken(id, 'prev_hash_mismatch');
      }
      if (hashAuditRow({ ...row, id, at: Number(row.at) }) !== row.hash) {
        return broken(id, 'hash_mismatch');
      }
      prevHash = row.hash;
      expectedId = id + 1;
      checked += 1;
    }
    if (rows.length < BATCH) {
      break;
    }
  }
  if (expectedId - 1 !== head.lastId || prevHash !== head.lastHash) {
    return broken(expectedId, 'head_mismatch');
  }
  return { ok: true, checked, headId: head.lastId };
}
