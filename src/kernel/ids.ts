import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

const pool = new Uint8Array(4096);
let offset = pool.length;

/** Cryptographic randomness drawn in blocks: one system call per 4 KiB instead of one per id. */
function pooledRandom(): number {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const byte = pool[offset]!;
  offset += 1;
  return byte / 256;
}

const nextUlid = monotonicFactory(pooledRandom);

/** Sortable unique id (ULID): creation order is lexical order. */
export function newId(): string {
  return nextUlid();
}
