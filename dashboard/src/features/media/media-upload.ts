/** Agents' attachments: the upload (multipart, CSRF header via the API client) and its errors, in words. */
import type { TFunction } from 'i18next';
import { ApiError, api } from '../../lib/api-client';
import { type MediaView, readMediaRecord } from './media-view';

/** What WhatsApp delivers (the server checks again, by content). */
export const ACCEPTED_FILES = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'text/plain',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
].join(',');

const MISMATCH_REASONS = new Set([
  'media.type_mismatch',
  'media.dangerous_content',
  'media.unrecognised_content',
]);

export async function uploadMedia(file: File, signal?: AbortSignal): Promise<MediaView> {
  const form = new FormData();
  form.append('file', file, file.name);
  const body = await api.upload<{ data: unknown }>('/media', form, signal);
  const media = readMediaRecord(body.data);
  if (!media) {
    throw new ApiError(0, 'internal', 'media.bad_response', 'The server answered without a media id.', null);
  }
  return media;
}

/** The server's refusal (too large, wrong type, not what it claims), in the agent's language. */
export function uploadErrorText(error: unknown, name: string, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.reason === 'media.too_large' || error.status === 413) {
      return t('uploadTooLarge', { name });
    }
    if (error.reason === 'media.unsupported_type') {
      return t('uploadType', { name });
    }
    if (MISMATCH_REASONS.has(error.reason)) {
      return t('uploadMismatch', { name });
    }
  }
  return t('uploadFailed', { name, message: error instanceof Error ? error.message : String(error) });
}
