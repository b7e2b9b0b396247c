import { randomBytes } from 'node:crypto';
import { assertByteRange } from './blob-key.ts';
import type { BlobStore } from './blob-store.ts';
import { createByteReader } from './byte-reader.ts';
import { createKeyring, DATA_KEY_LENGTH } from './master-key.ts';
import {
  DEFAULT_CHUNK_SIZE,
  encodeHeader,
  HEADER_LENGTH,
  locateChunks,
  NONCE_PREFIX_LENGTH,
} from './vault.format.ts';
import { createOpeningStream, readHeader } from './vault.open.ts';
import { createSealingStream } from './vault.seal.ts';
import type { MediaVault, SealedBlob } from './vault.types.ts';

export interface MediaVaultOptions {
  store: BlobStore;
  /** The current master key (32 bytes); it wraps every new data key. */
  masterKey: Buffer;
  /** Retired master keys still able to unwrap older blobs during a rotation. */
  previousMasterKeys?: readonly Buffer[];
}

export interface RotatingMediaVault extends MediaVault {
  /** Re-wraps a blob's data key with the current master key (the ciphertext is untouched). */
  rewrapKey(blob: Pick<SealedBlob, 'wrappedKey'>): string;
  /** Whether a blob's data key is wrapped by a previous master key. */
  needsRewrap(blob: Pick<SealedBlob, 'wrappedKey'>): boolean;
}

/**
 * Envelope encryption over any BlobStore (format: vault.format.ts and master-key.ts). Each blob gets a
 * random 32-hex-character store key and a random data key; only the wrapped data key leaves the vault.
 * Rotating the master key: start with the new key as `masterKey` and the old one in `previousMasterKeys`,
 * re-wrap every row where `needsRewrap` (a database update, no blob is re-encrypted), then drop the old key.
 */
export function createMediaVault(options: MediaVaultOptions): RotatingMediaVault {
  const { store } = options;
  const keyring = createKeyring(options.masterKey, options.previousMasterKeys);

  async function seal(source: Parameters<MediaVault['seal']>[0], { maxBytes }: { maxBytes: number }) {
    const key = randomBytes(16).toString('hex');
    const dataKey = randomBytes(DATA_KEY_LENGTH);
    const header = encodeHeader(DEFAULT_CHUNK_SIZE, randomBytes(NONCE_PREFIX_LENGTH));
    const sealing = createSealingStream(source, { dataKey, header, maxBytes });
    try {
      await store.put(key, sealing.ciphertext);
      if (!sealing.summary) {
        throw new Error('The blob store finished before the plaintext stream ended.');
      }
      return { key, ...sealing.summary, wrappedKey: keyring.wrap(dataKey) };
    } catch (error) {
      source.destroy();
      await store.delete(key).catch(() => undefined);
      throw sealing.failure ?? error;
    } finally {
      dataKey.fill(0);
    }
  }

  const open: MediaVault['open'] = async (blob, range) => {
    const dataKey = keyring.unwrap(blob.wrappedKey);
    if (!range) {
      const reader = createByteReader(await store.get(blob.key));
      const header = await readHeader(reader).catch(async (error: unknown) => {
        await reader.close();
        throw error;
      });
      const plan = { size: blob.size, skip: 0, take: blob.size, isWhole: true };
      const lastChunk = Math.max(0, Math.ceil(blob.size / header.chunkSize) - 1);
      return createOpeningStream(reader, dataKey, header, { ...plan, firstChunk: 0, lastChunk });
    }
    assertByteRange(range);
    if (range.start >= blob.size) {
      throw new RangeError(`Range start ${range.start} is past the end of a ${blob.size}-byte blob.`);
    }
    const end = Math.min(range.end, blob.size - 1);
    const headerReader = createByteReader(await store.get(blob.key, { start: 0, end: HEADER_LENGTH - 1 }));
    const header = await readHeader(headerReader).finally(() => headerReader.close());
    const span = locateChunks(blob.size, header.chunkSize, range.start, end);
    const reader = createByteReader(
      await store.get(blob.key, { start: span.cipherStart, end: span.cipherEnd }),
    );
    return createOpeningStream(reader, dataKey, header, {
      size: blob.size,
      firstChunk: span.firstChunk,
      lastChunk: span.lastChunk,
      skip: range.start - span.firstChunk * header.chunkSize,
      take: end - range.start + 1,
      isWhole: false,
    });
  };

  return {
    seal,
    open,
    async destroy(blob) {
      await store.delete(blob.key);
    },
    rewrapKey(blob) {
      const dataKey = keyring.unwrap(blob.wrappedKey);
      try {
        return keyring.wrap(dataKey);
      } finally {
        dataKey.fill(0);
      }
    },
    needsRewrap(blob) {
      return keyring.isOutdated(blob.wrappedKey);
    },
  };
}
