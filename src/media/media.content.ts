import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { MediaVault } from '../blobs/vault.types.ts';
import type { Database } from '../store/index.ts';
import { findBlob, findMedia } from './media.repo.ts';
import type { MediaKind } from './media.types.ts';

/** Decrypted content of a stored media item, for analysis jobs in the worker. */
export type MediaContent =
  | { kind: 'ready'; mediaKind: MediaKind; mime: string; voice: boolean; bytes: Buffer }
  /** Stored, but its preview is not derived yet (try again later). */
  | { kind: 'not_ready' }
  /** Not stored (pending, refused, quarantined, failed), no such variant, or no such media. */
  | { kind: 'unavailable' };

const MAX_ANALYSED_BYTES = 32 * 1024 * 1024;

/** Reads a stored media item's original, or its preview (the web-sized image, a PDF's first page). */
export function createMediaContentReader(deps: { db: Kysely<Database>; vault: MediaVault }) {
  return async (mediaId: string, variant: 'original' | 'preview'): Promise<MediaContent> => {
    const media = await findMedia(deps.db, mediaId);
    const blob =
      media?.state === 'stored' && media.sha256 ? await findBlob(deps.db, media.sha256) : undefined;
    if (!media || !blob) {
      return { kind: 'unavailable' };
    }
    const base = { mediaKind: media.kind as MediaKind, voice: Boolean(media.voice) };
    if (variant === 'original') {
      if (blob.size > MAX_ANALYSED_BYTES) {
        return { kind: 'unavailable' };
      }
      const stream = await deps.vault.open({
        key: blob.blob_key,
        wrappedKey: blob.wrapped_key,
        size: blob.size,
      });
      return {
        kind: 'ready',
        ...base,
        mime: blob.sniffed_mime ?? 'application/octet-stream',
        bytes: await readAll(stream),
      };
    }
    if (blob.analysed_at === null) {
      return { kind: 'not_ready' };
    }
    if (!blob.preview_key || !blob.preview_wrapped_key || blob.preview_size === null) {
      return { kind: 'unavailable' };
    }
    const stream = await deps.vault.open({
      key: blob.preview_key,
      wrappedKey: blob.preview_wrapped_key,
      size: blob.preview_size,
    });
    return { kind: 'ready', ...base, mime: blob.preview_mime ?? 'image/jpeg', bytes: await readAll(stream) };
  };
}

export type MediaContentReader = ReturnType<typeof createMediaContentReader>;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
