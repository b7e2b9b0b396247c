/** The analysers, each switched on or off and given its own time budget. */
export const ANALYSERS = ['quality', 'hash', 'exif', 'tamper', 'video', 'voice'] as const;
export type Analyser = (typeof ANALYSERS)[number];

/** What the business may switch: the analysers, near-duplicate search and the re-shoot guidance. */
export const SWITCHES = [...ANALYSERS, 'duplicates', 'guidance'] as const;
export type AnalysisSwitch = (typeof SWITCHES)[number];

export interface AnalysisConfig {
  enabled: Record<AnalysisSwitch, boolean>;
  /** An analyser that takes longer adds a `timeout` flag and its result is dropped. */
  budgetMs: Record<Analyser, number>;
  quality: QualityThresholds;
  tamper: TamperThresholds;
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
  /**
   * Share of flat pixels above which the picture is rendered (a screenshot), not photographed: its
   * exposure and sharpness are not judged (a white page is not blown out).
   */
  renderedFlatShare: number;
  /** Video: mean absolute grey difference between sampled frames under which it is near-static. */
  minMotion: number;
  /** Voice notes shorter than this, or quieter than this (mean level, dBFS), are flagged. */
  minVoiceMs: number;
  silentDb: number;
}

export interface TamperThresholds {
  /** Error-level spread above which regions look saved at different qualities. */
  maxErrorLevel: number;
  /** Capture dates this long before the message are flagged `old_capture`. */
  oldCaptureDays: number;
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
  renderedFlatShare: 0.6,
  minMotion: 1.5,
  minVoiceMs: 1_000,
  silentDb: -50,
};

export const DEFAULT_TAMPER: TamperThresholds = {
  maxErrorLevel: 3,
  oldCaptureDays: 90,
};

export const DEFAULT_ANALYSIS: AnalysisConfig = {
  enabled: {
    quality: true,
    hash: true,
    exif: true,
    tamper: true,
    video: true,
    voice: true,
    duplicates: true,
    guidance: true,
  },
  budgetMs: { quality: 2_000, hash: 1_000, exif: 1_000, tamper: 3_000, video: 20_000, voice: 10_000 },
  quality: DEFAULT_QUALITY,
  tamper: DEFAULT_TAMPER,
  duplicateMaxDistance: 6,
};

/** Options as the runtime takes them: any part may be left out. */
export interface AnalysisOptions {
  enabled?: Partial<AnalysisConfig['enabled']>;
  budgetMs?: Partial<AnalysisConfig['budgetMs']>;
  quality?: Partial<QualityThresholds>;
  tamper?: Partial<TamperThresholds>;
  duplicateMaxDistance?: number;
}

export function resolveAnalysisConfig(options: AnalysisOptions = {}): AnalysisConfig {
  return {
    enabled: { ...DEFAULT_ANALYSIS.enabled, ...options.enabled },
    budgetMs: { ...DEFAULT_ANALYSIS.budgetMs, ...options.budgetMs },
    quality: { ...DEFAULT_QUALITY, ...options.quality },
    tamper: { ...DEFAULT_TAMPER, ...options.tamper },
    duplicateMaxDistance: Math.max(
      0,
      Math.min(7, options.duplicateMaxDistance ?? DEFAULT_ANALYSIS.duplicateMaxDistance),
    ),
  };
}

/** The business's switches (its settings row) applied over the runtime's. */
export function withSwitches(
  config: AnalysisConfig,
  switches: Partial<Record<AnalysisSwitch, boolean>>,
): AnalysisConfig {
  return { ...config, enabled: { ...config.enabled, ...switches } };
}
