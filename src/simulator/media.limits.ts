/** Media types and size caps the Cloud API accepts for upload (whatsapp-cloud-api.md §6). */
const MB = 1024 * 1024;

export type MediaKind = 'audio' | 'document' | 'image' | 'sticker' | 'video';

const SUPPORTED: Record<string, { kind: MediaKind; maxBytes: number }> = {
  'audio/aac': { kind: 'audio', maxBytes: 16 * MB },
  'audio/amr': { kind: 'audio', maxBytes: 16 * MB },
  'audio/mpeg': { kind: 'audio', maxBytes: 16 * MB },
  'audio/mp4': { kind: 'audio', maxBytes: 16 * MB },
  'audio/ogg': { kind: 'audio', maxBytes: 16 * MB },
  'text/plain': { kind: 'document', maxBytes: 100 * MB },
  'application/pdf': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.ms-excel': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    kind: 'document',
    maxBytes: 100 * MB,
  },
  'application/msword': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    kind: 'document',
    maxBytes: 100 * MB,
  },
  'application/vnd.ms-powerpoint': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    kind: 'document',
    maxBytes: 100 * MB,
  },
  'image/jpeg': { kind: 'image', maxBytes: 5 * MB },
  'image/png': { kind: 'image', maxBytes: 5 * MB },
  'image/webp': { kind: 'sticker', maxBytes: 500 * 1024 },
  'video/3gpp': { kind: 'video', maxBytes: 16 * MB },
  'video/mp4': { kind: 'video', maxBytes: 16 * MB },
};

export const MAX_UPLOAD_BYTES = 100 * MB;

/** The upload rule for a MIME type (parameters such as `; codecs=opus` ignored), or undefined. */
export function findMediaRule(mimeType: string): { kind: MediaKind; maxBytes: number } | undefined {
  return SUPPORTED[mimeType.split(';')[0]?.trim().toLowerCase() ?? ''];
}

export function listSupportedMimeTypes(): string[] {
  return Object.keys(SUPPORTED);
}
