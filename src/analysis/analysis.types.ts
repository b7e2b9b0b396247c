/** Reasons that make a photo unusable; each has a guidance message for the customer. */
export const UNUSABLE_REASONS = ['too_small', 'too_dark', 'overexposed', 'blurry'] as const;
export type UnusableReason = (typeof UNUSABLE_REASONS)[number];

/** Every flag an analysis can raise (stored per blob; `duplicate_of` is added per media item). */
export type AnalysisFlag =
  | UnusableReason
  | 'heavily_compressed'
  | 'edited'
  | 'no_camera_data'
  | 'screenshot_like'
  | 'timeout'
  | 'duplicate_of';

/** unknown: the analysis did not finish in its budget (flag `timeout`). */
export type Verdict = 'usable' | 'unusable' | 'unknown';

export interface QualityScores {
  width: number;
  height: number;
  /** Variance of the Laplacian on the grey copy shrunk to `analysisPx` on its longest side. */
  sharpness: number;
  /** 0–255. */
  meanBrightness: number;
  darkShare: number;
  brightShare: number;
  /** JPEG only; null for other formats. */
  bytesPerPixel: number | null;
}

export interface ExifSummary {
  make: string | null;
  model: string | null;
  software: string | null;
  /** ISO 8601 when the camera recorded it. */
  capturedAt: string | null;
  hasExif: boolean;
}

export interface ImageAnalysis {
  verdict: Verdict;
  flags: AnalysisFlag[];
  /** The verdict's reasons, in the order guidance is chosen. */
  reasons: UnusableReason[];
  scores: QualityScores | null;
  /** 64-bit difference hash as 16 hex digits, or null when hashing is off or failed. */
  phash: string | null;
  exif: ExifSummary | null;
  durationMs: number;
}

/** What agents see beside each media item (and `GET /api/v1/media/:id/analysis`). */
export interface MediaAnalysisView {
  verdict: Verdict;
  flags: AnalysisFlag[];
  reasons: UnusableReason[];
  scores: QualityScores | null;
  phash: string | null;
  exif: ExifSummary | null;
  duplicateOf: { mediaId: string; ticketId: string; ticketNumber: number; distance: number } | null;
  analyserVersion: string;
  analysedAt: number;
  durationMs: number;
}

export const ANALYSER_VERSION = 'image-1';
