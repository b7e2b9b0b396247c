import { createDecipheriv } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ByteReader } from './byte-reader.ts';
import {
  countChunks,
  decodeHeader,
  deriveNonce,
  HEADER_LENGTH,
  measureChunk,
  TAG_LENGTH,
  type VaultHeader,
} from './vault.format.ts';
import { BlobTamperedError } from './vault.types.ts';

/** Which chunks to decrypt from `reader` and which plaintext bytes of them to emit. */
export interface OpenPlan {
  /** Plaintext size of the whole blob (decides which chunk is the final one). */
  size: number;
  firstChunk: number;
  lastChunk: number;
  /** Plaintext bytes to drop from the start of the first chunk. */
  skip: number;
  /** Plaintext bytes to emit in total. */
  take: number;
  /** Whether the reader must end right after the last chunk (whole-blob reads). */
  isWhole: boolean;
}

/** Reads and checks the 16-byte header at the reader's position; BlobTamperedError if it is not one. */
export async function readHeader(reader: ByteReader): Promise<VaultHeader> {
  const header = decodeHeader(await reader.read(HEADER_LENGTH));
  if (!header) {
    throw new BlobTamperedError('The stored file is not a sealed blob, or its header was modified.');
  }
  return header;
}

/**
 * Decrypts chunk by chunk. A chunk's plaintext is emitted only after its tag verified, so no
 * unauthenticated byte ever leaves; any failure (bad tag, short or over-long ciphertext) ends the stream
 * with BlobTamperedError, and the source stream is released either way.
 */
export function createOpeningStream(
  reader: ByteReader,
  dataKey: Buffer,
  header: VaultHeader,
  plan: OpenPlan,
): Readable {
  const lastIndex = countChunks(plan.size, header.chunkSize) - 1;

  function openChunk(frame: Buffer, index: number): Buffer {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      dataKey,
      deriveNonce(header, index, index === lastIndex),
      {
        authTagLength: TAG_LENGTH,
      },
    );
    decipher.setAAD(header.bytes);
    decipher.setAuthTag(frame.subarray(frame.length - TAG_LENGTH));
    const plaintext = decipher.update(frame.subarray(0, frame.length - TAG_LENGTH));
    try {
      decipher.final();
    } catch {
      throw new BlobTamperedError(`The stored file failed its integrity check (chunk ${index}).`);
    }
    return plaintext;
  }

  async function* decrypt(): AsyncGenerator<Buffer> {
    let remaining = plan.take;
    for (let index = plan.firstChunk; index <= plan.lastChunk; index += 1) {
      const frameLength = measureChunk(plan.size, header.chunkSize, index) + TAG_LENGTH;
      const frame = await reader.read(frameLength);
      if (frame.length < frameLength) {
        throw new BlobTamperedError('The stored file is shorter than its recorded size (truncated).');
      }
      const plaintext = openChunk(frame, index);
      const from = index === plan.firstChunk ? plan.skip : 0;
      const piece = plaintext.subarray(from, from + Math.min(remaining, plaintext.length - from));
      remaining -= piece.length;
      if (piece.length > 0) {
        yield piece;
      }
    }
    if (plan.isWhole && !(await reader.hasEnded())) {
      throw new BlobTamperedError('The stored file is longer than its recorded size.');
    }
  }

  async function* closeAfter(): AsyncGenerator<Buffer> {
    try {
      yield* decrypt();
    } finally {
      await reader.close();
    }
  }

  return Readable.from(closeAfter(), { objectMode: false, highWaterMark: header.chunkSize });
}
