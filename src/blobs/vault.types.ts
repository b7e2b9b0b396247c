import type { Readable } from 'node:stream';

/** A sealed (encrypted, stored) blob: what a media row must keep to open it again. */
export interface SealedBlob {
  /** BlobStore key of the ciphertext. */
  key: string;
  /** Plaintext size in bytes. */
  size: number;
  /** SHA-256 of the plaintext, hex: the de-duplication key. */
  sha256: string;
  /** The blob's own data key, wrapped (encrypted) by the master key; base64. Destroying it crypto-shreds the blob. */
  wrappedKey: string;
}

/**
 * Encryption at rest for customer media: every blob gets its own AES-256 data key, wrapped by the master
 * key (envelope encryption), and is encrypted in authenticated chunks so byte ranges can be served
 * without decrypting the whole file and any tampered chunk fails loudly. No plaintext touches the store.
 */
export interface MediaVault {
  /** Streams plaintext in, hashing and encrypting it; refuses more than `maxBytes` (BlobTooLargeError, nothing kept). */
  seal(source: Readable, options: { maxBytes: number }): Promise<SealedBlob>;
  /** Streams plaintext out, optionally an inclusive byte range; fails with BlobTamperedError on any authentication failure. */
  open(
    blob: Pick<SealedBlob, 'key' | 'wrappedKey' | 'size'>,
    range?: { start: number; end: number },
  ): Promise<Readable>;
  /** Deletes the ciphertext. */
  destroy(blob: Pick<SealedBlob, 'key'>): Promise<void>;
}

export class BlobTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`The file is larger than the ${limit}-byte limit.`);
    this.name = 'BlobTooLargeError';
    this.limit = limit;
  }
}

export class BlobTamperedError extends Error {
  constructor(message = 'The stored file failed its integrity check (it was modified or corrupted).') {
    super(message);
    this.name = 'BlobTamperedError';
  }
}

export class BlobNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored blob ${key}.`);
    this.name = 'BlobNotFoundError';
  }
}
