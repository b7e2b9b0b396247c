import { api, isRecord } from '../../lib/api-client';

/** What the server says about a media item (GET /api/v1/media/:id/analysis), parsed defensively. */
export interface MediaAnalysis {
  verdict: 'usable' | 'unusable' | 'unknown';
  flags: string[];
  reasons: string[];
  quality: { width: number; height: number; sharpness: number; meanBrightness: number } | null;
  errorLevel: number | null;
  exif: {
    make: string | null;
    model: string | null;
    software: string | null;
    capturedAt: string | null;
  } | null;
  duplicateOf: { mediaId: string; ticketId: string; ticketNumber: number } | null;
}

const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function readAnalysis(raw: unknown): MediaAnalysis | null {
  if (!isRecord(raw)) {
    return null;
  }
  const scores = isRecord(raw.scores) ? raw.scores : {};
  const quality = isRecord(scores.quality) ? scores.quality : null;
  const tamper = isRecord(scores.tamper) ? scores.tamper : null;
  const exif = isRecord(raw.exif) ? raw.exif : null;
  const duplicate = isRecord(raw.duplicateOf) ? raw.duplicateOf : null;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    verdict: raw.verdict === 'usable' || raw.verdict === 'unusable' ? raw.verdict : 'unknown',
    flags: strings(raw.flags),
    reasons: strings(raw.reasons),
    quality: quality
      ? {
          width: Number(quality.width),
          height: Number(quality.height),
          sharpness: Number(quality.sharpness),
          meanBrightness: Number(quality.meanBrightness),
        }
      : null,
    errorLevel: typeof tamper?.errorLevel === 'number' ? tamper.errorLevel : null,
    exif: exif
      ? {
          make: text(exif.make),
          model: text(exif.model),
          software: text(exif.software),
          capturedAt: text(exif.capturedAt),
        }
      : null,
    duplicateOf:
      duplicate && typeof duplicate.ticketId === 'string'
        ? {
            mediaId: String(duplicate.mediaId),
            ticketId: duplicate.ticketId,
            ticketNumber: Number(duplicate.ticketNumber),
          }
        : null,
  };
}

export async function fetchAnalysis(mediaId: string, signal?: AbortSignal): Promise<MediaAnalysis | null> {
  const body = await api.get<{ data: unknown }>(`/media/${encodeURIComponent(mediaId)}/analysis`, signal);
  return readAnalysis(body.data);
}
