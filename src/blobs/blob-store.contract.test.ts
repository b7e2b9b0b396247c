import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidBlobKeyError } from './blob-key.ts';
import {
  collectBytes,
  listBlobFiles,
  listFiles,
  makePlaintext,
  readStored,
  type StoreFixture,
  startDiskFixture,
  storeKinds,
  streamBytes,
} from './blob-store.test-support.ts';
import { BlobNotFoundError } from './vault.types.ts';

describe.each(storeKinds)('BlobStore contract: $kind', ({ start }) => {
  let fixture: StoreFixture;
  beforeAll(async () => {
    fixture = await start();
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('puts a stream and gets the same bytes back, reporting the size', async () => {
    const bytes = makePlaintext(300_000);
    expect(await fixture.store.put('roundtrip', streamBytes(bytes))).toEqual({ size: bytes.length });
    expect((await readStored(fixture.store, 'roundtrip')).equals(bytes)).toBe(true);
    expect(await fixture.store.exists('roundtrip')).toBe(true);
  });

  it('stores empty blobs and keys with a namespace', async () => {
    expect(await fixture.store.put('previews/empty', streamBytes(Buffer.alloc(0)))).toEqual({ size: 0 });
    expect((await readStored(fixture.store, 'previews/empty')).length).toBe(0);
  });

  it('replaces a blob on a second put', async () => {
    await fixture.store.put('replace', streamBytes(Buffer.from('first version')));
    await fixture.store.put('replace', streamBytes(Buffer.from('second')));
    expect((await readStored(fixture.store, 'replace')).toString()).toBe('second');
  });

  it('serves inclusive byte ranges, clamping an end past the blob', async () => {
    const bytes = makePlaintext(10_000);
    await fixture.store.put('ranged', streamBytes(bytes));
    const read = async (start: number, end: number) =>
      collectBytes(await fixture.store.get('ranged', { start, end }));
    expect((await read(0, 0)).equals(bytes.subarray(0, 1))).toBe(true);
    expect((await read(1234, 5678)).equals(bytes.subarray(1234, 5679))).toBe(true);
    expect((await read(9_999, 9_999)).equals(bytes.subarray(9_999))).toBe(true);
    expect((await read(9_000, 50_000)).equals(bytes.subarray(9_000))).toBe(true);
    expect((await read(10_000, 10_500)).length).toBe(0);
    await expect(fixture.store.get('ranged', { start: 5, end: 4 })).rejects.toThrow(RangeError);
  });

  it('reports a missing blob as BlobNotFoundError, also for ranges', async () => {
    await expect(fixture.store.get('missing')).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(fixture.store.get('missing', { start: 0, end: 9 })).rejects.toBeInstanceOf(
      BlobNotFoundError,
    );
    expect(await fixture.store.exists('missing')).toBe(false);
  });

  it('deletes, and deleting a missing blob is not an error', async () => {
    await fixture.store.put('doomed', streamBytes(Buffer.from('bye')));
    await fixture.store.delete('doomed');
    expect(await fixture.store.exists('doomed')).toBe(false);
    await expect(fixture.store.get('doomed')).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(fixture.store.delete('doomed')).resolves.toBeUndefined();
  });

  it.each([
    ['a small body', 100_000],
    ['a multipart-sized body', 6 * 1024 * 1024],
  ])('leaves nothing behind when the stream fails (%s)', async (_label, size) => {
    const before = await listBlobFiles(fixture.rawDir);
    const failing = streamBytes(makePlaintext(size), 64 * 1024, new Error('connection reset'));
    await expect(fixture.store.put(`failed-${size}`, failing)).rejects.toThrow('connection reset');
    expect(await fixture.store.exists(`failed-${size}`)).toBe(false);
    expect(await listBlobFiles(fixture.rawDir)).toEqual(before);
  });

  it('keeps the previous blob when a replacing put fails', async () => {
    await fixture.store.put('kept', streamBytes(Buffer.from('original')));
    const failing = streamBytes(makePlaintext(50_000), 1024, new Error('aborted'));
    await expect(fixture.store.put('kept', failing)).rejects.toThrow('aborted');
    expect((await readStored(fixture.store, 'kept')).toString()).toBe('original');
  });

  it.each([
    '',
    '..',
    '../escape',
    'a/../../b',
    '/absolute',
    'trailing/',
    'a//b',
    '.hidden',
    'a/.b',
    'back\\slash',
    'space here',
    'semi;colon',
    'ünïcode',
    'a/b/c/d/e',
    'x'.repeat(129),
  ])('rejects the key %j before touching storage', async (key) => {
    await expect(fixture.store.put(key, streamBytes(Buffer.from('x')))).rejects.toBeInstanceOf(
      InvalidBlobKeyError,
    );
    await expect(fixture.store.get(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(fixture.store.exists(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(fixture.store.delete(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
  });
});

describe('local disk store', () => {
  it('writes files 0600 in fan-out directories 0700, all inside its root', async () => {
    const fixture = await startDiskFixture();
    try {
      await fixture.store.put('0123456789abcdef', streamBytes(Buffer.from('secret')));
      await fixture.store.put('ns/child', streamBytes(Buffer.from('x')));
      const files = await listFiles(fixture.rawDir);
      expect(files).toHaveLength(2);
      for (const file of files) {
        expect(file.startsWith(`${fixture.rawDir}/media/`)).toBe(true);
        expect(file.slice(fixture.rawDir.length)).toMatch(
          /^\/media\/[0-9a-f]{2}\/[0-9a-f]{2}\/[A-Za-z0-9._~-]+$/,
        );
        expect((await stat(file)).mode & 0o777).toBe(0o600);
        expect((await stat(dirname(file))).mode & 0o777).toBe(0o700);
        expect((await stat(dirname(dirname(file)))).mode & 0o777).toBe(0o700);
      }
    } finally {
      await fixture.stop();
    }
  });
});
