/**
 * The `media` field the server adds to media messages, read defensively (the API is untrusted input
 * for the dashboard, and older servers send no such field).
 */
import { isRecord } from '../../lib/api-client';
import type { Message } from '../../lib/types';

export type MediaState = 'pending' | 'downloading' | 'stored' | 'failed' | 'refused' | 'quarantined';

export interface MediaView {
  id: string;
  kind: string;
  state: MediaState;
  stateReason: string | null;
  previewState: string;
  previewReason: string | null;
  mimeType: string | null;
  size: number | null;
  filename: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  pageCount: number | null;
  waveform: number[] | null;
  voice: boolean;
  inline: boolean;
  urls: { original: string; download: string; preview: string | null; thumbnail: string | null } | null;
}

const STATES: readonly string[] = ['pending', 'downloading', 'stored', 'failed', 'refused', 'quarantined'];
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function readMediaView(message: Message): MediaView | null {
  return readMediaRecord((message as Message & { media?: unknown }).media);
}

/** The media view itself (as a message carries it, or as an upload returns it). */
export function readMediaRecord(raw: unknown): MediaView | null {
  if (
    !isRecord(raw) ||
    typeof raw.id !== 'string' ||
    typeof raw.state !== 'string' ||
    !STATES.includes(raw.state)
  ) {
    return null;
  }
  const urls = isRecord(raw.urls) && typeof raw.urls.original === 'string' ? raw.urls : null;
  return {
    id: raw.id,
    kind: str(raw.kind) ?? 'document',
    state: raw.state as MediaState,
    stateReason: str(raw.stateReason),
    previewState: str(raw.previewState) ?? 'none',
    previewReason: str(raw.previewReason),
    mimeType: str(raw.mimeType),
    size: num(raw.size),
    filename: str(raw.filename),
    width: num(raw.width),
    height: num(raw.height),
    durationMs: num(raw.durationMs),
    pageCount: num(raw.pageCount),
    waveform: Array.isArray(raw.waveform)
      ? raw.waveform.filter((v): v is number => typeof v === 'number').slice(0, 256)
      : null,
    voice: raw.voice === true,
    inline: raw.inline === true,
    urls: urls
      ? {
          original: String(urls.original),
          download: str(urls.download) ?? String(urls.original),
          preview: str(urls.preview),
          thumbnail: str(urls.thumbnail),
        }
      : null,
  };
}

export function formatSize(bytes: number | null): string {
  if (bytes === null) {
    return '';
  }
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) {
    return '';
  }
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
