import type { QualityThresholds } from './analysis.config.ts';
import type { QualityScores, UnusableReason } from './analysis.types.ts';

/** A single-channel 8-bit image, row-major. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Variance of the 4-neighbour Laplacian over the interior pixels. Computed on a copy shrunk to a fixed
 * longest side, so it measures blur at the scale a person looks at the photo, whatever its resolution.
 */
export function laplacianVariance(image: GreyImage): number {
  const { data, width, height } = image;
  if (width < 3 || height < 3) {
    return 0;
  }
  let sum = 0;
  let sumSquares = 0;
  for (let y = 1; y < height - 1; y += 1) {
    const row = y * width;
    for (let x = 1; x < width - 1; x += 1) {
      const i = row + x;
      const value = data[i - width]! + data[i + width]! + data[i - 1]! + data[i + 1]! - 4 * data[i]!;
      sum += value;
      sumSquares += value * value;
    }
  }
  const n = (width - 2) * (height - 2);
  const mean = sum / n;
  return sumSquares / n - mean * mean;
}

export interface Exposure {
  meanBrightness: number;
  darkShare: number;
  brightShare: number;
}

export function measureExposure(
  image: GreyImage,
  levels: { blackLevel: number; whiteLevel: number },
): Exposure {
  const { data } = image;
  let sum = 0;
  let dark = 0;
  let bright = 0;
  for (let i = 0; i < data.length; i += 1) {
    const value = data[i]!;
    sum += value;
    if (value <= levels.blackLevel) {
      dark += 1;
    } else if (value >= levels.whiteLevel) {
      bright += 1;
    }
  }
  const n = Math.max(1, data.length);
  return { meanBrightness: sum / n, darkShare: dark / n, brightShare: bright / n };
}

/** Why the scores make the photo unusable, in the order guidance picks from (the most basic first). */
export function judgeQuality(scores: QualityScores, limits: QualityThresholds): UnusableReason[] {
  const reasons: UnusableReason[] = [];
  if (Math.min(scores.width, scores.height) < limits.minSidePx) {
    reasons.push('too_small');
  }
  if (isRendered(scores, limits)) {
    return reasons;
  }
  const tooDark = scores.meanBrightness < limits.maxDarkMean || scores.darkShare > limits.maxDarkShare;
  const blownOut = scores.meanBrightness > limits.minBrightMean || scores.brightShare > limits.maxBrightShare;
  if (tooDark) {
    reasons.push('too_dark');
  } else if (blownOut) {
    reasons.push('overexposed');
  }
  // A dark or blown-out photo has little contrast left, so it also scores as blurry: say the cause only.
  if (!tooDark && !blownOut && scores.sharpness < limits.minSharpness) {
    reasons.push('blurry');
  }
  return reasons;
}

export function isHeavilyCompressed(scores: QualityScores, limits: QualityThresholds): boolean {
  return scores.bytesPerPixel !== null && scores.bytesPerPixel < limits.minJpegBytesPerPixel;
}

/**
 * A screenshot or other rendered picture: mostly flat (no sensor noise) yet with crisp edges (text, UI).
 * A plain dark or blurred photo is flat too, but has no edges.
 */
export function isRendered(scores: QualityScores, limits: QualityThresholds): boolean {
  return scores.flatShare > limits.renderedFlatShare && scores.sharpness >= limits.minSharpness;
}
