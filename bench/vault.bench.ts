/**
 * `npx tsx src/blobs/media-vault.bench.ts` — MediaVault throughput on the local disk store, printed next
 * to a plain file copy and a plain file read of the same 100 MB measured in the same process (median of
 * three runs each). Both sides fsync their output, as the store does. Not part of the test suite.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SealedBlob } from '../src/blobs/index.ts';
import { createLocalDiskBlobStore, createMediaVault, generateMasterKey } from '../src/blobs/index.ts';

const MB = 1024 * 1024;
const SIZE = 100 * MB;
const RUNS = 5;

const discard = () =>
  new Writable({
    write(_piece, _encoding, done) {
      done();
    },
  });

async function measureSeconds(task: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = process.hrtime.bigint();
    await task();
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function copyFile(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createWriteStream(to));
  const handle = await open(to, 'r+');
  await handle.sync();
  await handle.close();
}

async function runBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sightline-vault-bench-'));
  try {
    const source = join(dir, 'source.bin');
    const bytes = Buffer.alloc(SIZE);
    for (let offset = 0; offset < SIZE; offset += 4) {
      bytes.writeUInt32LE((offset * 2654435761) >>> 0, offset);
    }
    await writeFile(source, bytes);
    const vault = createMediaVault({
      store: createLocalDiskBlobStore({ dir: join(dir, 'media') }),
      masterKey: generateMasterKey(),
    });

    let blob: SealedBlob | undefined;
    const rows: [string, number][] = [
      [
        'plain copy (read + write + fsync)',
        await measureSeconds(() => copyFile(source, join(dir, 'copy.bin'))),
      ],
      [
        'vault seal (read + sha256 + encrypt + write + fsync)',
        await measureSeconds(async () => {
          blob = await vault.seal(createReadStream(source), { maxBytes: SIZE });
        }),
      ],
      ['plain read', await measureSeconds(() => pipeline(createReadStream(source), discard()))],
      [
        'vault open (read + decrypt + verify)',
        await measureSeconds(async () => pipeline(await vault.open(blob!), discard())),
      ],
    ];
    const [copy, seal, read, openTime] = rows.map(([, seconds]) => seconds) as [
      number,
      number,
      number,
      number,
    ];
    for (const [label, seconds] of rows) {
      console.log(`${label.padEnd(54)} ${(SIZE / MB / seconds).toFixed(0).padStart(6)} MB/s`);
    }
    console.log(`seal / copy: ${(copy / seal).toFixed(2)}×   open / read: ${(read / openTime).toFixed(2)}×`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await runBench();
