import { createHash } from 'node:crypto';
import type { Clock } from '../kernel/index.ts';
import { createDownloadToken, createMediaId } from './simulator.ids.ts';

/** Meta's media URLs live five minutes; the id must then be resolved again. */
export const MEDIA_URL_TTL_MS = 5 * 60_000;

export interface StoredMedia {
  id: string;
  data: Buffer;
  mimeType: string;
  sha256Hex: string;
  sha256Base64: string;
  fileSize: number;
  filename?: string;
  origin: 'customer' | 'business';
  createdAt: number;
}

export type DownloadLookup =
  | { kind: 'found'; media: StoredMedia }
  | { kind: 'expired' }
  | { kind: 'unknown' };

export interface MediaStore {
  addMedia(input: {
    data: Buffer;
    mimeType: string;
    filename?: string;
    origin: StoredMedia['origin'];
  }): StoredMedia;
  findMedia(id: string): StoredMedia | undefined;
  deleteMedia(id: string): boolean;
  /** Issues a download token valid for five minutes of the injected clock. */
  issueDownloadToken(id: string): { token: string; expiresAt: number };
  lookupDownload(token: string): DownloadLookup;
}

export function createMediaStore(clock: Clock): MediaStore {
  const media = new Map<string, StoredMedia>();
  const tokens = new Map<string, { mediaId: string; expiresAt: number }>();

  return {
    addMedia: ({ data, mimeType, filename, origin }) => {
      const digest = createHash('sha256').update(data).digest();
      const stored: StoredMedia = {
        id: createMediaId(),
        data,
        mimeType,
        sha256Hex: digest.toString('hex'),
        sha256Base64: digest.toString('base64'),
        fileSize: data.length,
        origin,
        createdAt: clock.now(),
        ...(filename === undefined ? {} : { filename }),
      };
      media.set(stored.id, stored);
      return stored;
    },
    findMedia: (id) => media.get(id),
    deleteMedia: (id) => media.delete(id),
    issueDownloadToken: (id) => {
      const token = createDownloadToken();
      const expiresAt = clock.now() + MEDIA_URL_TTL_MS;
      tokens.set(token, { mediaId: id, expiresAt });
      return { token, expiresAt };
    },
    lookupDownload: (token) => {
      const entry = tokens.get(token);
      if (!entry) {
        return { kind: 'unknown' };
      }
      if (clock.now() >= entry.expiresAt) {
        tokens.delete(token);
        return { kind: 'expired' };
      }
      const found = media.get(entry.mediaId);
      return found ? { kind: 'found', media: found } : { kind: 'unknown' };
    },
  };
}
