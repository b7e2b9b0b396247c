import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { deriveNonce, TAG_LENGTH, type VaultHeader } from './vault.format.ts';
import { BlobTooLargeError } from './vault.types.ts';

export interface SealingStream {
  /** The ciphertext (header, then chunks), produced as the plaintext source is read. */
  ciphertext: Readable;
  /** Plaintext size and SHA-256, once the ciphertext stream has ended. */
  readonly summary: { size: number; sha256: string } | undefined;
  /** What stopped the stream (source error, BlobTooLargeError), if anything. */
  readonly failure: unknown;
}

/**
 * Encrypts `source` chunk by chunk. It holds at most one plaintext chunk: a full chunk is sealed as
 * non-final only when the next byte arrives, and the last one is sealed as final when the source ends, so
 * the size need not be known in advance. Counting happens before hashing and encrypting each piece, so
 * the first piece past `maxBytes` fails the stream (and stops reading the source).
 */
export function createSealingStream(
  source: Readable,
  options: { dataKey: Buffer; header: VaultHeader; maxBytes: number },
): SealingStream {
  const { dataKey, header, maxBytes } = options;
  const { chunkSize } = header;
  const state: { summary: SealingStream['summary']; failure: unknown } = {
    summary: undefined,
    failure: undefined,
  };

  function sealChunk(plaintext: Buffer, index: number, isLast: boolean): Buffer[] {
    const cipher = createCipheriv('aes-256-gcm', dataKey, deriveNonce(header, index, isLast), {
      authTagLength: TAG_LENGTH,
    });
    cipher.setAAD(header.bytes);
    const body = cipher.update(plaintext);
    cipher.final();
    return [body, cipher.getAuthTag()];
  }

  async function* encrypt(): AsyncGenerator<Buffer> {
    yield header.bytes;
    const hash = createHash('sha256');
    const pending = Buffer.allocUnsafe(chunkSize);
    let filled = 0;
    let size = 0;
    let index = 0;
    for await (const piece of source) {
      const bytes = toBuffer(piece);
      size += bytes.length;
      if (size > maxBytes) {
        throw new BlobTooLargeError(maxBytes);
      }
      hash.update(bytes);
      let offset = 0;
      while (offset < bytes.length) {
        if (filled === chunkSize) {
          yield* sealChunk(pending, index, false);
          index += 1;
          filled = 0;
        }
        const copied = bytes.copy(pending, filled, offset, offset + chunkSize - filled);
        filled += copied;
        offset += copied;
      }
    }
    yield* sealChunk(pending.subarray(0, filled), index, true);
    state.summary = { size, sha256: hash.digest('hex') };
  }

  async function* recordFailure(): AsyncGenerator<Buffer> {
    try {
      yield* encrypt();
    } catch (error) {
      state.failure = error;
      throw error;
    }
  }

  return {
    // Object mode hands each buffer on as is (a byte-mode stream would concatenate queued buffers).
    ciphertext: Readable.from(recordFailure(), { objectMode: true, highWaterMark: 4 }),
    get summary() {
      return state.summary;
    },
    get failure() {
      return state.failure;
    },
  };
}

function toBuffer(piece: unknown): Buffer {
  if (Buffer.isBuffer(piece)) {
    return piece;
  }
  if (piece instanceof Uint8Array || typeof piece === 'string') {
    return Buffer.from(piece);
  }
  throw new TypeError('seal() expects a byte stream.');
}
