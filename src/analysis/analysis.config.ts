/** Which analysers run, how long a job may take, and every quality threshold, in one place. */
export interface AnalysisConfig {
  enabled: { quality: boolean; hash: boolean; exif: boolean; duplicates: boolean; guidance: boolean };
  /** A job that takes longer records a `timeout` flag and ends instead of hanging. */
  budgetMs: number;
  quality: QualityThresholds;
  /** Largest Hamming distance (of 64 bits) that counts as the same photo; at most 7 (see image.hash.ts). */
  duplicateMaxDistance: number;
}

export interface QualityThresholds {
  /** Longest side the grey copy is shrunk to before scoring (scores are comparable across sizes). */
  analysisPx: number;
  /** Variance of the Laplacian (on the shrunk grey copy) below which the photo is blurry. */
  minSharpness: number;
  /** Mean brightness (0–255) below which, or share of near-black pixels above which, it is too dark. */
  maxDarkMean: number;
  maxDarkShare: number;
  /** Mean brightness above which, or share of near-white pixels above which, it is blown out. */
  minBrightMean: number;
  maxBrightShare: number;
  /** Grey level at or under which a pixel is near-black, and at or over which it is near-white. */
  blackLevel: number;
  whiteLevel: number;
  /** Shortest side, in original pixels, under which the image is too small to read a label. */
  minSidePx: number;
  /** JPEG bytes per original pixel under which it is heavily compressed (a flag, not a refusal). */
  minJpegBytesPerPixel: number;
}

export const DEFAULT_QUALITY: QualityThresholds = {
  analysisPx: 512,
  minSharpness: 60,
  maxDarkMean: 45,
  maxDarkShare: 0.6,
  minBrightMean: 225,
  maxBrightShare: 0.5,
  blackLevel: 20,
  whiteLevel: 245,
  minSidePx: 240,
  minJpegBytesPerPixel: 0.04,
};

export const DEFAULT_ANALYSIS: AnalysisConfig = {
  enabled: { quality: true, hash: true, exif: true, duplicates: true, guidance: true },
  budgetMs: 10_000,
  quality: DEFAULT_QUALITY,
  duplicateMaxDistance: 6,
};

/** Options as the runtime takes them: any part may be left out. */
export interface AnalysisOptions {
  enabled?: Partial<AnalysisConfig['enabled']>;
  budgetMs?: number;
  quality?: Partial<QualityThresholds>;
  duplicateMaxDistance?: number;
}

export function resolveAnalysisConfig(options: AnalysisOptions = {}): AnalysisConfig {
  return {
    enabled: { ...DEFAULT_ANALYSIS.enabled, ...options.enabled },
    budgetMs: options.budgetMs ?? DEFAULT_ANALYSIS.budgetMs,
    quality: { ...DEFAULT_QUALITY, ...options.quality },
    duplicateMaxDistance: Math.min(7, options.duplicateMaxDistance ?? DEFAULT_ANALYSIS.duplicateMaxDistance),
  };
}
