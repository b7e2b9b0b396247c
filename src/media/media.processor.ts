import type { Readable } from 'node:stream';
import type { MediaKind } from './media.types.ts';

/** An image derived from media (thumbnail, resized copy, poster frame, first page). */
export interface DerivedImage {
  data: Buffer;
  mime: string;
}

export interface ProcessedMedia {
  thumbnail?: DerivedImage;
  preview?: DerivedImage;
  width?: number;
  height?: number;
  durationMs?: number;
  pageCount?: number;
  /** Peak amplitudes 0..1, e.g. 64 of them, for a voice-note waveform. */
  waveform?: number[];
}

export interface MediaSource {
  kind: MediaKind;
  mime: string;
  size: number;
  /** Streams the plaintext (decrypted from the vault). */
  open(): Promise<Readable>;
}

/** A stored inbound media item, as analysis jobs read it. */
export interface StoredMediaSource extends MediaSource {
  mediaId: string;
  messageId: string | null;
  ticketId: string | null;
  sha256: string;
  voice: boolean;
  /** When it arrived (ms). */
  receivedAt: number;
}

/**
 * Heavy media work (sharp, ffmpeg, poppler) behind a port; it runs only in jobs. Throws MediaError with
 * a reason (`media.image_too_many_pixels`, `media.corrupt`, `media.tool_timeout`) when it cannot.
 */
export interface MediaProcessor {
  process(source: MediaSource): Promise<ProcessedMedia>;
}
