import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertBlobKey, assertByteRange, type ByteRange } from './blob-key.ts';
import type { BlobStore } from './blob-store.ts';
import { BlobNotFoundError } from './vault.types.ts';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Key prefix inside the bucket (`MEDIA_STORE=s3://bucket/prefix`); may be empty. */
  prefix: string;
  region: string;
  /** For S3-compatible services (MinIO, R2, s3rver); unset means AWS. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  forcePathStyle?: boolean;
  /** Multipart part size in bytes (min 5 MiB, default 5 MiB). Memory per upload ≈ partSize × (queueSize + 1). */
  partSize?: number;
  /** Parts uploaded in parallel (default 2). */
  queueSize?: number;
}

const MIN_PART_SIZE = 5 * 1024 * 1024;

/**
 * Blobs as objects under `prefix/`. Puts stream through lib-storage's Upload (one PutObject for small
 * bodies, multipart otherwise; a failed body aborts the multipart upload, so nothing is left), gets are
 * ranged GetObjects, and a missing key is BlobNotFoundError.
 */
export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const { bucket } = options;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    forcePathStyle: options.forcePathStyle,
    // Checksums only where S3 requires them: many S3-compatible servers reject aws-chunked trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const prefix = options.prefix.replace(/^\/+|\/+$/g, '');

  function toObjectKey(key: string): string {
    assertBlobKey(key);
    return prefix === '' ? key : `${prefix}/${key}`;
  }

  return {
    async put(key, body) {
      const objectKey = toObjectKey(key);
      const counting = countBytes(body);
      const counted = Readable.from(counting.pieces, { objectMode: true, highWaterMark: 4 });
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: objectKey, Body: counted },
        partSize: Math.max(MIN_PART_SIZE, options.partSize ?? MIN_PART_SIZE),
        queueSize: options.queueSize ?? 2,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        body.destroy();
        // The body's own failure is the cause; an abort that failed after it (some S3-compatible servers
        // lack AbortMultipartUpload) must not hide it. A bucket lifecycle rule cleans such leftovers.
        throw counting.failure ?? error;
      }
      return { size: counting.size };
    },

    async get(key, range) {
      const objectKey = toObjectKey(key);
      if (range) {
        assertByteRange(range);
      }
      try {
        const output = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: objectKey,
            Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          }),
        );
        if (!(output.Body instanceof Readable)) {
          throw new Error('S3 GetObject returned no Node.js stream.');
        }
        return range ? trimToRange(output.Body, range, output.ContentRange) : output.Body;
      } catch (error) {
        if (isS3Error(error, 'InvalidRange', 416)) {
          // The range starts past the end: the same empty result the disk store gives.
          return Readable.from([]);
        }
        throw isS3Error(error, 'NoSuchKey', 404) ? new BlobNotFoundError(key) : error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: toObjectKey(key) }));
    },

    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: toObjectKey(key) }));
        return true;
      } catch (error) {
        if (isS3Error(error, 'NotFound', 404)) {
          return false;
        }
        throw error;
      }
    },
  };
}

function countBytes(source: Readable): { pieces: AsyncGenerator<Buffer>; size: number; failure: unknown } {
  const counter = { pieces: read(), size: 0, failure: undefined as unknown };
  async function* read(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of source) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        counter.size += buffer.length;
        yield buffer;
      }
    } catch (error) {
      counter.failure = error;
      throw error;
    }
  }
  return counter;
}

/**
 * Servers that ignore or widen a Range (a 200 with the whole object, or s3rver answering `bytes=0-0` with
 * everything) would hand back bytes nobody asked for; cut the body down to the requested range.
 */
function trimToRange(body: Readable, range: ByteRange, contentRange: string | undefined): Readable {
  const served = /^bytes (\d+)-(\d+)\//.exec(contentRange ?? '');
  const servedStart = served ? Number(served[1]) : 0;
  const servedEnd = served ? Number(served[2]) : Number.POSITIVE_INFINITY;
  if (servedStart === range.start && servedEnd <= range.end) {
    return body;
  }
  if (servedStart > range.start) {
    body.destroy();
    throw new Error(`S3 served bytes from ${servedStart}, not the requested ${range.start}.`);
  }
  async function* slice(): AsyncGenerator<Buffer> {
    let skip = range.start - servedStart;
    let take = range.end - range.start + 1;
    for await (const chunk of body) {
      const piece = (chunk as Buffer).subarray(Math.min(skip, (chunk as Buffer).length));
      skip -= (chunk as Buffer).length - piece.length;
      if (piece.length > 0 && take > 0) {
        yield piece.subarray(0, take);
        take -= Math.min(take, piece.length);
      }
      if (take === 0) {
        break;
      }
    }
  }
  return Readable.from(slice(), { objectMode: false });
}

function isS3Error(error: unknown, name: string, status: number): boolean {
  return (
    error instanceof S3ServiceException && (error.name === name || error.$metadata.httpStatusCode === status)
  );
}
