import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoreFixture, startDiskFixture } from './blob-store.test-support.ts';
import { generateMasterKey } from './master-key.ts';
import { createMediaVault } from './media-vault.ts';

const MB = 1024 * 1024;
const TOTAL = 100 * MB;
const PIECE = 64 * 1024;

/** 100 MB generated piece by piece (fresh buffers, as a download would hand them over). */
function generateStream(onPiece: () => void): { stream: Readable; digest: () => string } {
  const hash = createHash('sha256');
  let produced = 0;
  const stream = new Readable({
    read() {
      if (produced >= TOTAL) {
        this.push(null);
        return;
      }
      const piece = Buffer.alloc(PIECE, produced / PIECE);
      piece.writeUInt32BE(produced, 0);
      produced += PIECE;
      hash.update(piece);
      onPiece();
      this.push(piece);
    },
  });
  return { stream, digest: () => hash.digest('hex') };
}

describe('MediaVault memory', () => {
  let fixture: StoreFixture;
  beforeAll(async () => {
    fixture = await startDiskFixture();
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('seals and opens a 100 MB stream with RSS growth well under 64 MB', { timeout: 20_000 }, async () => {
    const vault = createMediaVault({ store: fixture.store, masterKey: generateMasterKey() });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const timer = setInterval(sample, 5);
    try {
      const source = generateStream(sample);
      const blob = await vault.seal(source.stream, { maxBytes: 200 * MB });
      expect(blob.size).toBe(TOTAL);
      expect(blob.sha256).toBe(source.digest());

      const hash = createHash('sha256');
      const sink = new Writable({
        write(piece: Buffer, _encoding, done) {
          hash.update(piece);
          sample();
          done();
        },
      });
      await pipeline(await vault.open(blob), sink);
      expect(hash.digest('hex')).toBe(blob.sha256);
    } finally {
      clearInterval(timer);
    }
    expect(peak - before).toBeLessThan(64 * MB);
  });
});
