import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectBytes,
  findFilesContaining,
  listBlobFiles,
  makePlaintext,
  PLAINTEXT_MARKER,
  readStored,
  type StoreFixture,
  storeKinds,
  streamBytes,
  writeStored,
} from './blob-store.test-support.ts';
import { generateMasterKey, MasterKeyMismatchError } from './master-key.ts';
import { createMediaVault, type RotatingMediaVault } from './media-vault.ts';
import { DEFAULT_CHUNK_SIZE, HEADER_LENGTH, measureCiphertext, TAG_LENGTH } from './vault.format.ts';
import { BlobTamperedError, BlobTooLargeError, type SealedBlob } from './vault.types.ts';

const CHUNK = DEFAULT_CHUNK_SIZE;
const FRAME = CHUNK + TAG_LENGTH;
const NO_LIMIT = { maxBytes: 200 * 1024 * 1024 };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(storeKinds)('MediaVault over $kind', ({ start }) => {
  let fixture: StoreFixture;
  let vault: RotatingMediaVault;
  beforeAll(async () => {
    fixture = await start();
    vault = createMediaVault({ store: fixture.store, masterKey: generateMasterKey() });
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  async function openAll(blob: SealedBlob, range?: { start: number; end: number }): Promise<Buffer> {
    return collectBytes(await vault.open(blob, range));
  }

  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5_000_000])('round-trips %i bytes', async (size) => {
    const plaintext = makePlaintext(size);
    const blob = await vault.seal(streamBytes(plaintext, 10_000), NO_LIMIT);
    expect(blob).toMatchObject({ size, sha256: sha256(plaintext) });
    expect(blob.key).toMatch(/^[0-9a-f]{32}$/);
    expect((await readStored(fixture.store, blob.key)).length).toBe(measureCiphertext(size, CHUNK));
    expect((await openAll(blob)).equals(plaintext)).toBe(true);
  });

  it('serves plaintext ranges at chunk boundaries and inside chunks', async () => {
    const size = 3 * CHUNK + 1234;
    const plaintext = makePlaintext(size);
    const blob = await vault.seal(streamBytes(plaintext), NO_LIMIT);
    const ranges: [number, number][] = [
      [0, 0],
      [0, CHUNK - 1],
      [CHUNK - 1, CHUNK],
      [CHUNK, 2 * CHUNK - 1],
      [CHUNK + 5, CHUNK + 5],
      [100, 3 * CHUNK + 10],
      [3 * CHUNK, size - 1],
      [size - 1, size - 1],
    ];
    for (const [from, to] of ranges) {
      const bytes = await openAll(blob, { start: from, end: to });
      expect(bytes.equals(plaintext.subarray(from, to + 1)), `range ${from}-${to}`).toBe(true);
    }
    expect(
      (await openAll(blob, { start: size - 10, end: size + 500 })).equals(plaintext.subarray(size - 10)),
    ).toBe(true);
    await expect(vault.open(blob, { start: size, end: size + 1 })).rejects.toThrow(RangeError);
  });

  it('never lets the plaintext reach the store', async () => {
    const plaintext = makePlaintext(3 * CHUNK);
    const blob = await vault.seal(streamBytes(plaintext), NO_LIMIT);
    expect((await readStored(fixture.store, blob.key)).includes(PLAINTEXT_MARKER)).toBe(false);
    expect(await findFilesContaining(fixture.rawDir, PLAINTEXT_MARKER)).toEqual([]);
  });

  it('gives the same content a new key and new ciphertext each time', async () => {
    const plaintext = makePlaintext(1000);
    const first = await vault.seal(streamBytes(plaintext), NO_LIMIT);
    const second = await vault.seal(streamBytes(plaintext), NO_LIMIT);
    expect(second.sha256).toBe(first.sha256);
    expect(second.key).not.toBe(first.key);
    expect(second.wrappedKey).not.toBe(first.wrappedKey);
    expect(
      (await readStored(fixture.store, first.key)).equals(await readStored(fixture.store, second.key)),
    ).toBe(false);
  });

  async function sealTampered(size: number, tamper: (stored: Buffer) => Buffer | Promise<Buffer>) {
    const blob = await vault.seal(streamBytes(makePlaintext(size)), NO_LIMIT);
    await writeStored(fixture.store, blob.key, await tamper(await readStored(fixture.store, blob.key)));
    return blob;
  }

  it('detects a flipped byte in the middle, also through a range over that chunk', async () => {
    const blob = await sealTampered(4 * CHUNK, (stored) => {
      stored[HEADER_LENGTH + 2 * FRAME + 100]! ^= 0x01;
      return stored;
    });
    await expect(openAll(blob)).rejects.toBeInstanceOf(BlobTamperedError);
    await expect(openAll(blob, { start: 2 * CHUNK + 50, end: 2 * CHUNK + 60 })).rejects.toBeInstanceOf(
      BlobTamperedError,
    );
    expect((await openAll(blob, { start: 0, end: CHUNK - 1 })).length).toBe(CHUNK);
  });

  it('emits no plaintext of a chunk that fails its check', async () => {
    const blob = await sealTampered(2 * CHUNK, (stored) => {
      stored[HEADER_LENGTH + 10]! ^= 0x80;
      return stored;
    });
    const stream = await vault.open(blob);
    const received: Buffer[] = [];
    stream.on('data', (piece: Buffer) => received.push(piece));
    await expect(
      new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject)),
    ).rejects.toBeInstanceOf(BlobTamperedError);
    expect(received).toEqual([]);
  });

  it.each([
    ['a few bytes cut off', (stored: Buffer) => stored.subarray(0, stored.length - 5)],
    ['the whole final chunk cut off', (stored: Buffer) => stored.subarray(0, HEADER_LENGTH + 2 * FRAME)],
    ['bytes appended', (stored: Buffer) => Buffer.concat([stored, Buffer.from('extra')])],
    ['the header changed', (stored: Buffer) => Buffer.concat([Buffer.from('XXXX'), stored.subarray(4)])],
    [
      'the nonce prefix changed',
      (stored: Buffer) =>
        Buffer.concat([stored.subarray(0, 15), Buffer.from([stored[15]! ^ 1]), stored.subarray(16)]),
    ],
  ])('detects %s', async (_label, tamper) => {
    const blob = await sealTampered(2 * CHUNK + 100, tamper);
    await expect(openAll(blob)).rejects.toBeInstanceOf(BlobTamperedError);
  });

  it('detects chunks reordered within a blob and a chunk swapped in from another blob', async () => {
    const other = await vault.seal(streamBytes(makePlaintext(3 * CHUNK)), NO_LIMIT);
    const otherBytes = await readStored(fixture.store, other.key);
    const frame = (bytes: Buffer, index: number) =>
      bytes.subarray(HEADER_LENGTH + index * FRAME, HEADER_LENGTH + (index + 1) * FRAME);
    const swapped = await sealTampered(3 * CHUNK, (stored) =>
      Buffer.concat([
        stored.subarray(0, HEADER_LENGTH),
        frame(stored, 0),
        frame(otherBytes, 1),
        frame(stored, 2),
      ]),
    );
    const reordered = await sealTampered(3 * CHUNK, (stored) =>
      Buffer.concat([
        stored.subarray(0, HEADER_LENGTH),
        frame(stored, 1),
        frame(stored, 0),
        frame(stored, 2),
      ]),
    );
    await expect(openAll(swapped)).rejects.toBeInstanceOf(BlobTamperedError);
    await expect(openAll(swapped, { start: CHUNK, end: CHUNK + 10 })).rejects.toBeInstanceOf(
      BlobTamperedError,
    );
    await expect(openAll(reordered)).rejects.toBeInstanceOf(BlobTamperedError);
  });

  it('detects a recorded size that does not match the ciphertext', async () => {
    const blob = await vault.seal(streamBytes(makePlaintext(2 * CHUNK)), NO_LIMIT);
    await expect(openAll({ ...blob, size: CHUNK })).rejects.toBeInstanceOf(BlobTamperedError);
    // Only the final-chunk flag in the nonce tells a truncated blob (with its size edited to match) apart.
    await expect(openAll({ ...blob, size: CHUNK }, { start: 0, end: 10 })).rejects.toBeInstanceOf(
      BlobTamperedError,
    );
    await expect(openAll({ ...blob, size: 2 * CHUNK + 1 })).rejects.toBeInstanceOf(BlobTamperedError);
  });

  it('refuses to open with the wrong master key, saying so', async () => {
    const blob = await vault.seal(streamBytes(makePlaintext(100)), NO_LIMIT);
    const stranger = createMediaVault({ store: fixture.store, masterKey: generateMasterKey() });
    await expect(stranger.open(blob)).rejects.toBeInstanceOf(MasterKeyMismatchError);
    await expect(stranger.open(blob)).rejects.toThrow(/another master key/);
  });

  it('rotates the master key by re-wrapping data keys only', async () => {
    const oldKey = generateMasterKey();
    const newKey = generateMasterKey();
    const before = createMediaVault({ store: fixture.store, masterKey: oldKey });
    const plaintext = makePlaintext(CHUNK + 7);
    const blob = await before.seal(streamBytes(plaintext), NO_LIMIT);
    const during = createMediaVault({
      store: fixture.store,
      masterKey: newKey,
      previousMasterKeys: [oldKey],
    });
    expect(during.needsRewrap(blob)).toBe(true);
    const rewrapped = { ...blob, wrappedKey: during.rewrapKey(blob) };
    expect(during.needsRewrap(rewrapped)).toBe(false);
    const after = createMediaVault({ store: fixture.store, masterKey: newKey });
    expect((await collectBytes(await after.open(rewrapped))).equals(plaintext)).toBe(true);
    await expect(after.open(blob)).rejects.toBeInstanceOf(MasterKeyMismatchError);
  });

  it('detects a modified wrapped key', async () => {
    const blob = await vault.seal(streamBytes(makePlaintext(100)), NO_LIMIT);
    const raw = Buffer.from(blob.wrappedKey, 'base64');
    raw[30]! ^= 1;
    await expect(vault.open({ ...blob, wrappedKey: raw.toString('base64') })).rejects.toBeInstanceOf(
      BlobTamperedError,
    );
  });

  it('refuses more than maxBytes as soon as it is exceeded and keeps nothing', async () => {
    const before = await listBlobFiles(fixture.rawDir);
    let piecesRead = 0;
    const endless = new Readable({
      read() {
        piecesRead += 1;
        this.push(makePlaintext(16 * 1024));
      },
    });
    await expect(vault.seal(endless, { maxBytes: 300_000 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(piecesRead).toBeLessThan(40);
    expect(endless.destroyed).toBe(true);
    expect(await listBlobFiles(fixture.rawDir)).toEqual(before);
  });

  it('accepts exactly maxBytes', async () => {
    const blob = await vault.seal(streamBytes(makePlaintext(300_000)), { maxBytes: 300_000 });
    expect(blob.size).toBe(300_000);
  });

  it('passes a failing source through and keeps nothing', async () => {
    const before = await listBlobFiles(fixture.rawDir);
    const failing = streamBytes(makePlaintext(500_000), 16 * 1024, new Error('download interrupted'));
    await expect(vault.seal(failing, NO_LIMIT)).rejects.toThrow('download interrupted');
    expect(await listBlobFiles(fixture.rawDir)).toEqual(before);
  });

  it('destroys a blob', async () => {
    const blob = await vault.seal(streamBytes(makePlaintext(10)), NO_LIMIT);
    await vault.destroy(blob);
    expect(await fixture.store.exists(blob.key)).toBe(false);
  });
});
