import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { MediaVault } from '../blobs/vault.types.ts';
import type { Database } from '../store/index.ts';
import type { StoredMediaSource } from './media.processor.ts';
import { findBlob, findMedia } from './media.repo.ts';
import type { MediaKind } from './media.types.ts';

/** Opens a stored media item's original as a stream (analysis jobs); undefined when it is not stored. */
export type StoredMediaOpener = (mediaId: string) => Promise<StoredMediaSource | undefined>;

export function createStoredMediaOpener(deps: {
  db: Kysely<Database>;
  vault: MediaVault;
}): StoredMediaOpener {
  return async (mediaId) => {
    const media = await findMedia(deps.db, mediaId);
    const blob =
      media?.state === 'stored' && media.sha256 ? await findBlob(deps.db, media.sha256) : undefined;
    if (!media || !blob) {
      return undefined;
    }
    return {
      mediaId: media.id,
      messageId: media.message_id,
      ticketId: media.ticket_id,
      sha256: blob.sha256,
      voice: Boolean(media.voice),
      receivedAt: Number(media.created_at),
      kind: media.kind as MediaKind,
      mime: blob.sniffed_mime ?? 'application/octet-stream',
      size: blob.size,
      open: () => deps.vault.open({ key: blob.blob_key, wrappedKey: blob.wrapped_key, size: blob.size }),
    };
  };
}

/** Decrypted content of a stored media item, read whole, for text extraction in the worker. */
export type MediaContent =
  | { kind: 'ready'; mediaKind: MediaKind; mime: string; voice: boolean; bytes: Buffer }
  /** Stored, but its preview is not derived yet (try again later). */
  | { kind: 'not_ready' }
  /** Not stored (pending, refused, quarantined, failed), too large, no such variant, or no such media. */
  | { kind: 'unavailable' };

const MAX_ANALYSED_BYTES = 32 * 1024 * 1024;

/** Reads a stored media item's original, or its preview (the web-sized image, a PDF's first page). */
export function createMediaContentReader(deps: {
  db: Kysely<Database>;
  vault: MediaVault;
  openStored: StoredMediaOpener;
}) {
  return async (mediaId: string, variant: 'original' | 'preview'): Promise<MediaContent> => {
    const stored = await deps.openStored(mediaId);
    if (!stored) {
      return { kind: 'unavailable' };
    }
    const base = { mediaKind: stored.kind, voice: stored.voice };
    if (variant === 'original') {
      if (stored.size > MAX_ANALYSED_BYTES) {
        return { kind: 'unavailable' };
      }
      return { kind: 'ready', ...base, mime: stored.mime, bytes: await readAll(await stored.open()) };
    }
    const blob = await findBlob(deps.db, stored.sha256);
    if (!blob || blob.analysed_at === null) {
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
