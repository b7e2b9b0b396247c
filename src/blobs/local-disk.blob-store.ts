import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { assertBlobKey, assertByteRange } from './blob-key.ts';
import type { BlobStore } from './blob-store.ts';
import { BlobNotFoundError } from './vault.types.ts';

export interface LocalDiskBlobStoreOptions {
  /** Root directory (created 0700 when missing), e.g. `DATA_DIR/media`. */
  dir: string;
  /** fsync each file (and its directory) before a put resolves; default true. Turn off only in tests. */
  fsync?: boolean;
}

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const READ_CHUNK = 256 * 1024;

/**
 * Blobs as files under `dir/<h0h1>/<h2h3>/<flat key>`, where h = sha256(key) spreads files evenly and the
 * key's `/` becomes `~` (not a key character), so a key can never name a directory or escape `dir`.
 * Writes go to a dot-named temp file beside the target (keys cannot start with a dot) and are renamed
 * into place only once fully written, so readers see a whole blob or none.
 */
export function createLocalDiskBlobStore(options: LocalDiskBlobStoreOptions): BlobStore {
  const { dir } = options;
  const isDurable = options.fsync ?? true;

  function locateBlob(key: string): { folder: string; file: string } {
    assertBlobKey(key);
    const hash = createHash('sha256').update(key).digest('hex');
    const folder = join(dir, hash.slice(0, 2), hash.slice(2, 4));
    return { folder, file: join(folder, key.replaceAll('/', '~')) };
  }

  return {
    async put(key, body) {
      const { folder, file } = locateBlob(key);
      await mkdir(folder, { recursive: true, mode: DIR_MODE });
      const temp = join(folder, `.tmp-${randomBytes(8).toString('hex')}`);
      const handle = await open(temp, 'wx', FILE_MODE);
      try {
        // A write stream on the raw fd overlaps reading with writing and batches queued pieces (writev);
        // the FileHandle stays ours to fsync and close (a FileHandle-owned stream would hold it open).
        const sink = createWriteStream(temp, { fd: handle.fd, autoClose: false, emitClose: false });
        await pipeline(body, sink);
        const size = sink.bytesWritten;
        if (isDurable) {
          await handle.sync();
        }
        await handle.close();
        await rename(temp, file);
        if (isDurable) {
          await syncDirectory(folder);
        }
        return { size };
      } catch (error) {
        body.destroy();
        await handle.close().catch(() => undefined);
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },

    async get(key, range) {
      const { file } = locateBlob(key);
      if (range) {
        assertByteRange(range);
      }
      const handle = await open(file, 'r').catch((error: unknown) => {
        throw isMissingFile(error) ? new BlobNotFoundError(key) : error;
      });
      return handle.createReadStream({ ...range, highWaterMark: READ_CHUNK });
    },

    async delete(key) {
      const { file } = locateBlob(key);
      await unlink(file).catch((error: unknown) => {
        if (!isMissingFile(error)) {
          throw error;
        }
      });
    },

    async exists(key) {
      const { file } = locateBlob(key);
      return stat(file).then(
        (info) => info.isFile(),
        (error: unknown) => {
          if (isMissingFile(error)) {
            return false;
          }
          throw error;
        },
      );
    },
  };
}

/** Makes the rename itself durable; some platforms cannot fsync a directory, which is not fatal. */
async function syncDirectory(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (handle) {
    await handle
      .sync()
      .catch(() => undefined)
      .finally(() => handle.close());
  }
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
