import { Transform, type TransformCallback } from 'node:stream';
import { MediaError } from './media.types.ts';

export interface IntakeMeter extends Transform {
  /** Bytes that passed so far. */
  readonly bytes: number;
  /** The first `headBytes` bytes, for sniffing. */
  head(): Buffer;
}

/**
 * A pass-through that counts bytes, keeps the head for type sniffing, cuts the stream off one byte past
 * `maxBytes` (media.too_large) and fails it when no byte arrives for `idleTimeoutMs` (a stalled download).
 * It never holds more than the head.
 */
export function createIntakeMeter(options: {
  maxBytes: number;
  headBytes: number;
  idleTimeoutMs?: number;
}): IntakeMeter {
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;

  const arm = (stream: Transform) => {
    if (options.idleTimeoutMs === undefined) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      stream.destroy(
        new MediaError('media.download_stalled', `No data for ${options.idleTimeoutMs} ms.`, {
          retryable: true,
        }),
      );
    }, options.idleTimeoutMs);
    timer.unref();
  };

  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) {
        callback(new MediaError('media.too_large', `More than ${options.maxBytes} bytes.`));
        return;
      }
      if (headLength < options.headBytes) {
        const part = chunk.subarray(0, options.headBytes - headLength);
        headChunks.push(Buffer.from(part));
        headLength += part.length;
      }
      arm(this);
      callback(null, chunk);
    },
    flush(callback) {
      clearTimeout(timer);
      callback();
    },
    destroy(error, callback) {
      clearTimeout(timer);
      callback(error);
    },
  }) as IntakeMeter;
  Object.defineProperty(meter, 'bytes', { get: () => bytes });
  meter.head = () => Buffer.concat(headChunks);
  arm(meter);
  return meter;
}
