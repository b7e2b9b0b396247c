import exifr from 'exifr';
import type { TamperThresholds } from './analysis.config.ts';
import type { AnalysisFlag, ExifSummary } from './analysis.types.ts';

/** Editors and apps that re-save photos (matched case-insensitively in Software / CreatorTool). */
const EDITORS =
  /photoshop|lightroom|gimp|snapseed|picsart|pixlr|affinity|canva|paint\.net|facetune|fotor|vsco/i;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The camera data of a JPEG, HEIC, TIFF or PNG, read from its header only. */
export async function readExif(bytes: Buffer): Promise<ExifSummary> {
  const tags = (await exifr
    .parse(bytes, {
      tiff: true,
      exif: true,
      xmp: true,
      gps: false,
      interop: false,
      ifd1: false,
      icc: false,
      iptc: false,
      pick: ['Make', 'Model', 'Software', 'DateTimeOriginal', 'CreateDate', 'CreatorTool'],
    })
    .catch(() => undefined)) as Record<string, unknown> | undefined;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  const captured = tags?.DateTimeOriginal ?? tags?.CreateDate;
  return {
    hasExif: tags !== undefined && Object.keys(tags).length > 0,
    make: text(tags?.Make),
    model: text(tags?.Model),
    software: text(tags?.Software) ?? text(tags?.CreatorTool),
    capturedAt: captured instanceof Date && !Number.isNaN(captured.getTime()) ? captured.toISOString() : null,
  };
}

/** Metadata signals: an editor wrote the file, no camera recorded it, or it was taken long before. */
export function judgeExif(exif: ExifSummary, receivedAt: number, limits: TamperThresholds): AnalysisFlag[] {
  const flags: AnalysisFlag[] = [];
  if (exif.software && EDITORS.test(exif.software)) {
    flags.push('edited');
  }
  if (!exif.make && !exif.model) {
    flags.push('no_camera_data');
  }
  if (exif.capturedAt && receivedAt - Date.parse(exif.capturedAt) > limits.oldCaptureDays * DAY_MS) {
    flags.push('old_capture');
  }
  return flags;
}
