import type { Analyser, AnalysisConfig, QualityThresholds } from './analysis.config.ts';
import type {
  AnalysisFlag,
  MediaAnalysisResult,
  QualityScores,
  TamperScores,
  UnusableReason,
} from './analysis.types.ts';
import { withBudget } from './budget.ts';
import { type DecodedImage, decodeImage } from './image.decode.ts';
import { judgeExif, readExif } from './image.exif.ts';
import { differenceHash, toHex } from './image.hash.ts';
import {
  isHeavilyCompressed,
  isRendered,
  judgeQuality,
  laplacianVariance,
  measureExposure,
} from './image.quality.ts';
import { errorLevel, flatShare } from './image.tamper.ts';

export interface ImageAnalysisInput {
  bytes: Buffer;
  /** When the customer sent it (capture dates are compared with it). */
  receivedAt: number;
}

/**
 * Quality, perceptual hash, EXIF and tamper signals of one picture. The picture is decoded once (a small
 * grey copy, shrunk on load) and shared; every analyser runs only when switched on, within its budget.
 */
export async function analyseImage(
  input: ImageAnalysisInput,
  config: AnalysisConfig,
): Promise<MediaAnalysisResult> {
  const flags = new Set<AnalysisFlag>();
  const timedOut: string[] = [];
  const failed: string[] = [];
  let decoding: Promise<DecodedImage> | undefined;
  const decoded = () => {
    decoding ??= decodeImage(input.bytes, config.quality.analysisPx);
    return decoding;
  };
  const run = async <T>(analyser: Analyser, work: () => Promise<T>): Promise<T | undefined> => {
    if (!config.enabled[analyser]) {
      return undefined;
    }
    const outcome = await withBudget(config.budgetMs[analyser], work).catch(() => {
      failed.push(analyser);
      return undefined;
    });
    if (!outcome) {
      return undefined;
    }
    if (!outcome.ok) {
      timedOut.push(analyser);
      flags.add('timeout');
      return undefined;
    }
    return outcome.value;
  };

  const quality = await run('quality', async () =>
    scoreQuality(await decoded(), input.bytes.length, config.quality),
  );
  const reasons: UnusableReason[] = quality ? judgeQuality(quality, config.quality) : [];
  const phash = await run('hash', async () => toHex(differenceHash((await decoded()).grey)));
  const exif = await run('exif', () => readExif(input.bytes));
  const tamper = await run('tamper', async () => scoreTamper(await decoded(), input.bytes));

  for (const reason of reasons) {
    flags.add(reason);
  }
  if (quality && isHeavilyCompressed(quality, config.quality)) {
    flags.add('heavily_compressed');
  }
  for (const flag of exif ? judgeExif(exif, input.receivedAt, config.tamper) : []) {
    flags.add(flag);
  }
  if (tamper?.errorLevel != null && tamper.errorLevel > config.tamper.maxErrorLevel) {
    flags.add('recompressed');
  }
  // Rendered, with no camera behind it: a screenshot (of an app, or of someone else's photo).
  if (
    config.enabled.tamper &&
    quality &&
    isRendered(quality, config.quality) &&
    !exif?.make &&
    !exif?.model
  ) {
    flags.add('screenshot_like');
  }
  return {
    verdict: quality ? (reasons.length > 0 ? 'unusable' : 'usable') : 'unknown',
    flags: [...flags],
    reasons,
    scores: {
      ...(quality ? { quality } : {}),
      ...(tamper ? { tamper } : {}),
      ...(timedOut.length > 0 ? { timedOut } : {}),
      ...(failed.length > 0 ? { failed } : {}),
    },
    phash: phash ?? null,
    exif: exif ?? null,
  };
}

/** Resolution, sharpness, exposure, compression and flatness of a decoded picture. */
export function scoreQuality(
  image: DecodedImage,
  byteLength: number,
  levels: QualityThresholds,
): QualityScores {
  const exposure = measureExposure(image.grey, levels);
  return {
    width: image.width,
    height: image.height,
    sharpness: Math.round(laplacianVariance(image.grey) * 10) / 10,
    meanBrightness: Math.round(exposure.meanBrightness * 10) / 10,
    darkShare: round3(exposure.darkShare),
    brightShare: round3(exposure.brightShare),
    bytesPerPixel: image.format === 'jpeg' ? round3(byteLength / (image.width * image.height)) : null,
    flatShare: round3(flatShare(image.grey)),
  };
}

async function scoreTamper(image: DecodedImage, bytes: Buffer): Promise<TamperScores> {
  return { errorLevel: image.format === 'jpeg' ? round3(await errorLevel(bytes)) : null };
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
