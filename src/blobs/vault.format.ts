/**
 * The sealed-blob format (version 1), pure arithmetic and byte layout; see media-vault.ts for the spec.
 *
 *   header  = magic "SLMV" | version 0x01 | chunk size (u32 BE) | nonce prefix (7 random bytes)   16 bytes
 *   chunk i = AES-256-GCM(dataKey, nonce_i, plaintext_i, aad = header) | tag (16 bytes)
 *   nonce_i = nonce prefix (7) | i (u32 BE) | 0x01 if i is the last chunk else 0x00
 *
 * Every chunk holds exactly `chunkSize` plaintext bytes except the last, which holds 0..chunkSize (an empty
 * blob is one empty final chunk). Given the plaintext size, every chunk's ciphertext offset is known.
 */
export const MAGIC = Buffer.from('SLMV', 'ascii');
export const FORMAT_VERSION = 1;
export const HEADER_LENGTH = 16;
export const TAG_LENGTH = 16;
export const NONCE_PREFIX_LENGTH = 7;
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
const MIN_CHUNK_SIZE = 1024;
const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
const MAX_CHUNKS = 2 ** 32;

export interface VaultHeader {
  chunkSize: number;
  noncePrefix: Buffer;
  /** The encoded header, authenticated as associated data of every chunk. */
  bytes: Buffer;
}

export function encodeHeader(chunkSize: number, noncePrefix: Buffer): VaultHeader {
  const bytes = Buffer.alloc(HEADER_LENGTH);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt8(FORMAT_VERSION, 4);
  bytes.writeUInt32BE(chunkSize, 5);
  noncePrefix.copy(bytes, 9, 0, NONCE_PREFIX_LENGTH);
  return { chunkSize, noncePrefix: bytes.subarray(9), bytes };
}

/** Parses a header; undefined when it is not a well-formed version-1 header (the caller reports tampering). */
export function decodeHeader(bytes: Buffer): VaultHeader | undefined {
  if (bytes.length !== HEADER_LENGTH || !bytes.subarray(0, 4).equals(MAGIC) || bytes.readUInt8(4) !== 1) {
    return undefined;
  }
  const chunkSize = bytes.readUInt32BE(5);
  if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    return undefined;
  }
  return { chunkSize, noncePrefix: bytes.subarray(9), bytes };
}

export function deriveNonce(header: VaultHeader, index: number, isLast: boolean): Buffer {
  if (index >= MAX_CHUNKS) {
    throw new RangeError('Blob too large for the vault format (2^32 chunks).');
  }
  const nonce = Buffer.alloc(12);
  header.noncePrefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX_LENGTH);
  nonce.writeUInt8(isLast ? 1 : 0, 11);
  return nonce;
}

/** The chunks of a blob of `size` plaintext bytes: at least one, so an empty blob still authenticates. */
export function countChunks(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(size / chunkSize));
}

export function measureCiphertext(size: number, chunkSize: number): number {
  return HEADER_LENGTH + size + countChunks(size, chunkSize) * TAG_LENGTH;
}

/** Which chunks hold plaintext bytes start..end (inclusive), and where those chunks sit in the ciphertext. */
export interface ChunkSpan {
  firstChunk: number;
  lastChunk: number;
  cipherStart: number;
  cipherEnd: number;
}

export function locateChunks(size: number, chunkSize: number, start: number, end: number): ChunkSpan {
  const firstChunk = Math.floor(start / chunkSize);
  const lastChunk = Math.floor(end / chunkSize);
  const frame = chunkSize + TAG_LENGTH;
  const lastPlain = Math.min(chunkSize, size - lastChunk * chunkSize);
  return {
    firstChunk,
    lastChunk,
    cipherStart: HEADER_LENGTH + firstChunk * frame,
    cipherEnd: HEADER_LENGTH + lastChunk * frame + lastPlain + TAG_LENGTH - 1,
  };
}

/** Plaintext length of chunk `index` in a blob of `size` bytes. */
export function measureChunk(size: number, chunkSize: number, index: number): number {
  return Math.min(chunkSize, size - index * chunkSize);
}
