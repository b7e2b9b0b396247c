import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MediaVariant } from './media.types.ts';

export const MEDIA_URL_TTL_MS = 60 * 60_000;
// Expiries are rounded up to this step so a refetched message view keeps the same URLs (and the
// browser's cached image), while no URL lives longer than TTL + STEP.
const EXPIRY_STEP_MS = 10 * 60_000;

export type SignatureCheck = 'valid' | 'expired' | 'invalid';

export interface MediaUrlSigner {
  /** `/api/v1/media/:id[/preview|/thumbnail]?exp=…&sig=…` */
  sign(mediaId: string, variant: MediaVariant, now: number): string;
  verify(
    mediaId: string,
    variant: MediaVariant,
    exp: string | undefined,
    sig: string | undefined,
    now: number,
  ): SignatureCheck;
}

export function mediaPath(mediaId: string, variant: MediaVariant): string {
  const base = `/api/v1/media/${encodeURIComponent(mediaId)}`;
  return variant === 'original' ? base : `${base}/${variant}`;
}

/**
 * Short-lived signed media links, so `<img src>` and `<video src>` (with range requests) work without
 * headers. The key is derived from the master key, so every process of a deployment agrees on it.
 */
export function createMediaUrlSigner(masterKey: Buffer, ttlMs = MEDIA_URL_TTL_MS): MediaUrlSigner {
  const key = createHmac('sha256', masterKey).update('sightline/media-url-signing/v1').digest();
  const mac = (mediaId: string, variant: MediaVariant, exp: number) =>
    createHmac('sha256', key).update(`${mediaId}\n${variant}\n${exp}`).digest();
  return {
    sign(mediaId, variant, now) {
      const exp = Math.ceil((now + ttlMs) / EXPIRY_STEP_MS) * EXPIRY_STEP_MS;
      return `${mediaPath(mediaId, variant)}?exp=${exp}&sig=${mac(mediaId, variant, exp).toString('base64url')}`;
    },
    verify(mediaId, variant, exp, sig, now) {
      const expiry = Number(exp);
      if (!exp || !sig || !/^\d{1,15}$/.test(exp)) {
        return 'invalid';
      }
      const given = Buffer.from(sig, 'base64url');
      const expected = mac(mediaId, variant, expiry);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return 'invalid';
      }
      return now > expiry ? 'expired' : 'valid';
    },
  };
}
