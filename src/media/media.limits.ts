import type { MediaKind } from './media.types.ts';

const KB = 1024;
const MB = 1024 * KB;

/** WhatsApp's caps (whatsapp-cloud-api.md §6): what exceeds them is refused. */
export const MEDIA_LIMITS: Record<MediaKind, number> = {
  image: 5 * MB,
  video: 16 * MB,
  audio: 16 * MB,
  document: 100 * MB,
  sticker: 500 * KB,
};

export const MAX_MEDIA_BYTES = MEDIA_LIMITS.document;

const OOXML = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** Content types accepted per kind (base types, lower case). */
export const ACCEPTED_TYPES: Record<MediaKind, readonly string[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/gif'],
  sticker: ['image/webp', 'image/png'],
  video: ['video/mp4', 'video/3gpp', 'video/quicktime', 'video/webm'],
  audio: [
    'audio/ogg',
    'audio/opus',
    'audio/mpeg',
    'audio/mp4',
    'audio/x-m4a',
    'audio/aac',
    'audio/amr',
    'audio/wav',
    'audio/webm',
  ],
  document: [
    'application/pdf',
    'text/plain',
    'text/csv',
    'application/rtf',
    'application/msword',
    'application/vnd.ms-excel',
    'application/vnd.ms-powerpoint',
    OOXML.docx,
    OOXML.xlsx,
    OOXML.pptx,
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.presentation',
    'image/jpeg',
    'image/png',
    'image/webp',
    'image/heic',
    'video/mp4',
    'audio/mpeg',
    'audio/ogg',
  ],
};

/** Types a browser may render inline from our origin without risk (never HTML, SVG, XML or PDF). */
const INLINE_SAFE = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/3gpp',
  'video/webm',
  'video/quicktime',
  'audio/ogg',
  'audio/opus',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/aac',
  'audio/wav',
  'audio/webm',
]);

/** `Audio/OGG; codecs=opus` → `audio/ogg`. */
export function baseMime(mime: string | null | undefined): string {
  return (mime ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isInlineSafe(mime: string | null | undefined): boolean {
  return INLINE_SAFE.has(baseMime(mime));
}

/** Whether a declared type is one we take for this kind (before downloading anything). */
export function acceptsDeclaredType(kind: MediaKind, declared: string | null | undefined): boolean {
  const base = baseMime(declared);
  return base === '' || base === 'application/octet-stream' || ACCEPTED_TYPES[kind].includes(base);
}

/** The kind an agent's upload is sent as, from its sniffed type. */
export function kindForOutbound(mime: string): MediaKind {
  const base = baseMime(mime);
  if (base === 'image/jpeg' || base === 'image/png') {
    return 'image';
  }
  if (base === 'video/mp4' || base === 'video/3gpp') {
    return 'video';
  }
  if (
    ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/ogg', 'audio/opus'].includes(
      base,
    )
  ) {
    return 'audio';
  }
  return 'document';
}

/** `5 MB`, `500 KB` — for messages to customers and agents. */
export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
}

export { OOXML };
