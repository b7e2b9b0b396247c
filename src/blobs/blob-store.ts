import type { Readable } from 'node:stream';

/** Where encrypted blobs live: local disk (embedded) or an S3-compatible bucket (scale-out). */
export interface BlobStore {
  /** Streams `body` to `key`. A failed or aborted put leaves nothing behind. */
  put(key: string, body: Readable): Promise<{ size: number }>;
  /** Streams the stored bytes (ciphertext), optionally an inclusive byte range. Throws BlobNotFoundError. */
  get(key: string, range?: { start: number; end: number }): Promise<Readable>;
  /** Removes the blob; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}
