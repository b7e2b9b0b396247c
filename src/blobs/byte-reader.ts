import type { Readable } from 'node:stream';

/** Pulls exact byte counts out of a stream whose pieces have arbitrary sizes. */
export interface ByteReader {
  /** Up to `length` bytes; fewer only when the stream has ended. */
  read(length: number): Promise<Buffer>;
  hasEnded(): Promise<boolean>;
  /** Stops reading and releases (destroys) the underlying stream. */
  close(): Promise<void>;
}

export function createByteReader(stream: Readable): ByteReader {
  const iterator: AsyncIterator<unknown> = stream[Symbol.asyncIterator]();
  let pieces: Buffer[] = [];
  let buffered = 0;
  let isDone = false;

  async function fill(length: number): Promise<void> {
    while (buffered < length && !isDone) {
      const next = await iterator.next();
      if (next.done) {
        isDone = true;
      } else {
        const piece = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
        pieces.push(piece);
        buffered += piece.length;
      }
    }
  }

  return {
    async read(length) {
      await fill(length);
      const joined = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, buffered);
      const taken = joined.subarray(0, length);
      const rest = joined.subarray(taken.length);
      pieces = rest.length > 0 ? [rest] : [];
      buffered = rest.length;
      return taken;
    },
    async hasEnded() {
      await fill(1);
      return buffered === 0;
    },
    async close() {
      if (!isDone) {
        isDone = true;
        await iterator.return?.();
      }
    },
  };
}
