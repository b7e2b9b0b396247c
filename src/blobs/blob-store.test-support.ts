import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import type { BlobStore } from './blob-store.ts';
import { createLocalDiskBlobStore } from './local-disk.blob-store.ts';
import { createS3BlobStore } from './s3.blob-store.ts';

/** A BlobStore under test plus the directory that really holds its bytes (for raw inspection). */
export interface StoreFixture {
  store: BlobStore;
  rawDir: string;
  /** The S3 endpoint (s3rver's URL), for S3 fixtures. */
  endpoint?: string;
  stop(): Promise<void>;
}

export const storeKinds = [
  { kind: 'disk', start: startDiskFixture },
  { kind: 's3', start: startS3Fixture },
] as const;

export async function startDiskFixture(): Promise<StoreFixture> {
  const rawDir = await mkdtemp(join(tmpdir(), 'sightline-disk-'));
  const store = createLocalDiskBlobStore({ dir: join(rawDir, 'media'), fsync: false });
  return { store, rawDir, stop: () => rm(rawDir, { recursive: true, force: true }) };
}

/** A local s3rver on 127.0.0.1 with a random port and a temporary directory. */
export async function startS3Fixture(): Promise<StoreFixture> {
  const rawDir = await mkdtemp(join(tmpdir(), 'sightline-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: rawDir,
    configureBuckets: [{ name: 'media' }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const store = createS3BlobStore({
    bucket: 'media',
    prefix: 'tenant-a/blobs',
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    store,
    rawDir,
    endpoint,
    async stop() {
      await server.close();
      await rm(rawDir, { recursive: true, force: true });
    },
  };
}

/** Every file under `dir`, recursively (temp files, objects, multipart parts, metadata). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The files that hold stored blobs (or temp files). s3rver keeps multipart parts in a staging folder and,
 * lacking AbortMultipartUpload, never removes those of an aborted upload; they are no object (real S3
 * deletes them on abort, and a lifecycle rule catches any an aborted abort leaves).
 */
export async function listBlobFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => !file.includes('._S3rver_uploads'));
}

export async function findFilesContaining(dir: string, needle: Buffer): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await listFiles(dir)) {
    if ((await readFile(file)).includes(needle)) {
      hits.push(file);
    }
  }
  return hits;
}

export async function collectBytes(stream: Readable): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) {
    pieces.push(piece as Buffer);
  }
  return Buffer.concat(pieces);
}

export async function readStored(store: BlobStore, key: string): Promise<Buffer> {
  return collectBytes(await store.get(key));
}

export async function writeStored(store: BlobStore, key: string, bytes: Buffer): Promise<void> {
  await store.put(key, Readable.from([bytes]));
}

export const PLAINTEXT_MARKER = Buffer.from('<<SIGHTLINE-PLAINTEXT-MARKER>>', 'ascii');

/** A recognisable plaintext: the marker repeated, with a running counter so no two chunks are alike. */
export function makePlaintext(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let offset = 0;
  for (let line = 0; offset < size; line += 1) {
    offset += bytes.write(
      `${PLAINTEXT_MARKER.toString('ascii')}${line.toString().padStart(8, '0')}\n`,
      offset,
    );
  }
  return bytes;
}

/** A stream that yields `bytes` in pieces of `pieceSize`, then fails with `error` if given. */
export function streamBytes(bytes: Buffer, pieceSize = 16 * 1024, error?: Error): Readable {
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < bytes.length; offset += pieceSize) {
      yield bytes.subarray(offset, offset + pieceSize);
    }
    if (error) {
      throw error;
    }
  }
  return Readable.from(pieces(), { objectMode: false });
}
