/**
 * Validation shared by every BlobStore adapter. Keys come from the vault (random hex), but a store is a
 * file-system or bucket boundary, so it re-checks them: no `.`/`..` segments, no empty segments, nothing
 * outside [A-Za-z0-9._-] and `/`, a bounded depth. On disk the key never becomes a path on its own — the
 * store adds a fixed hash fan-out and flattens the key into one file name.
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_SEGMENTS = 4;
const MAX_KEY_LENGTH = 512;

export class InvalidBlobKeyError extends Error {
  constructor(key: string) {
    super(`Invalid blob key ${JSON.stringify(key.slice(0, 80))}.`);
    this.name = 'InvalidBlobKeyError';
  }
}

export function isValidBlobKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    return false;
  }
  const segments = key.split('/');
  return segments.length <= MAX_SEGMENTS && segments.every((segment) => SEGMENT.test(segment));
}

export function assertBlobKey(key: string): void {
  if (!isValidBlobKey(key)) {
    throw new InvalidBlobKeyError(key);
  }
}

export interface ByteRange {
  start: number;
  end: number;
}

/** An inclusive range: 0 ≤ start ≤ end, safe integers. Ends past the blob are clamped by the stores. */
export function assertByteRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}.`);
  }
}
