/** Reasons that make a photo (or a video's frames) unusable; each has guidance for the customer. */
export const UNUSABLE_REASONS = ['too_small', 'too_dark', 'overexposed', 'blurry'] as const;
export type UnusableReason = (typeof UNUSABLE_REASONS)[number];

/** Every flag an analysis can raise. Quality flags come first, then tamper, then the bookkeeping ones. */
export const ANALYSIS_FLAGS = [
  ...UNUSABLE_REASONS,
  'heavily_compressed',
  'near_static',
  'too_short',
  'silent',
  'edited',
  'no_camera_data',
  'old_capture',
  'recompressed',
  'screenshot_like',
  'duplicate_of',
  'timeout',
] as const;
export type AnalysisFlag = (typeof ANALYSIS_FLAGS)[number];

export const TAMPER_FLAGS: readonly AnalysisFlag[] = [
  'edited',
  'no_camera_data',
  'old_capture',
  'recompressed',
  'screenshot_like',
  'duplicate_of',
];

/** unknown: nothing conclusive ran (switched off, or over its time budget). */
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
  /** Share of flat pixels (zero Laplacian): UI and rendered text are flat, camera photos are not. */
  flatShare: number;
}

export interface TamperScores {
  /** Spread of the error level across 8 × 8 blocks after re-encoding (higher: regions saved differently). */
  errorLevel: number | null;
}

export interface ExifSummary {
  hasExif: boolean;
  make: string | null;
  model: string | null;
  software: string | null;
  /** ISO 8601 when the camera recorded it. */
  capturedAt: string | null;
}

/** Every score an analysis measured; what was not measured is absent. */
export interface AnalysisScores {
  quality?: QualityScores;
  tamper?: TamperScores;
  /** Video: how many frames were sampled and how much they differ (mean absolute grey difference). */
  frames?: { count: number; motion: number };
  /** Voice notes and audio. */
  audio?: { durationMs: number; meanVolumeDb: number; maxVolumeDb: number };
  /** Analysers that ran past their time budget. */
  timedOut?: string[];
  /** Analysers that could not read the file (e.g. a picture that does not decode). */
  failed?: string[];
}

export interface MediaAnalysisResult {
  verdict: Verdict;
  flags: AnalysisFlag[];
  /** The verdict's reasons, in the order guidance is chosen. */
  reasons: UnusableReason[];
  scores: AnalysisScores;
  /** 64-bit difference hash as 16 hex digits, or null when hashing is off, timed out or not a picture. */
  phash: string | null;
  exif: ExifSummary | null;
}

export interface DuplicateLink {
  mediaId: string;
  ticketId: string;
  ticketNumber: number;
  distance: number;
}

/** What agents see beside each media item (and `GET /api/v1/media/:id/analysis`). */
export interface MediaAnalysisView extends MediaAnalysisResult {
  mediaId: string;
  duplicateOf: DuplicateLink | null;
  analyserVersion: string;
  analysedAt: number;
  durationMs: number;
}

export const ANALYSER_VERSION = 'analysis-1';
