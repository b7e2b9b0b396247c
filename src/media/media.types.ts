import type { Db } from '../store/index.ts';

/** The kinds of media WhatsApp carries (and agents send). */
export const MEDIA_KINDS = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/**
 * pending: waiting for (another) download attempt · downloading · stored · failed: gave up (reason) ·
 * refused: too large or an unsupported type (nothing kept; the customer was told) · quarantined: stored
 * but its bytes are not what it claims to be (download only, never previewed or shown inline) ·
 * erased: destroyed by an erasure request or a retention policy (the data key is gone).
 */
export const MEDIA_STATES = [
  'pending',
  'downloading',
  'stored',
  'failed',
  'refused',
  'quarantined',
  'erased',
] as const;
export type MediaState = (typeof MEDIA_STATES)[number];

/** Media only roles with media.read_sensitive may open (set by analysis, or by a supervisor). */
export const SENSITIVE_CLASSES = ['identity_document', 'financial'] as const;
export type SensitiveClass = (typeof SENSITIVE_CLASSES)[number];

export type PreviewState = 'none' | 'pending' | 'ready' | 'failed' | 'skipped';

export type MediaVariant = 'original' | 'preview' | 'thumbnail';

/** Domain failure of a media step, with a stable reason (`media.too_large`) for the ticket and logs. */
export class MediaError extends Error {
  readonly reason: string;
  readonly retryable: boolean;
  constructor(reason: string, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MediaError';
    this.reason = reason;
    this.retryable = options.retryable ?? false;
  }
}

/** What another module (analysis) hears after a media item is stored. */
export interface MediaStoredNotice {
  mediaId: string;
  messageId: string | null;
  ticketId: string | null;
  kind: MediaKind;
  mimeType: string;
  sha256: string;
  state: 'stored' | 'quarantined';
}

/**
 * Runs inside the transaction that records a downloaded media item as stored or quarantined: enqueue
 * follow-up jobs on `db` (the outbox), do nothing slow (the analysis module subscribes here).
 */
export type MediaStoredHook = (notice: MediaStoredNotice, db: Db) => Promise<void>;
