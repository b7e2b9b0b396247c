import type { Readable } from 'node:stream';
import { probeMedia, requireTool, runTool, withPrivateFile } from '../media/index.ts';
import type { AnalysisConfig } from './analysis.config.ts';
import type { AnalysisFlag, MediaAnalysisResult, UnusableReason } from './analysis.types.ts';
import { scoreQuality } from './image.analyse.ts';
import { type DecodedImage, decodeImage } from './image.decode.ts';
import { differenceHash, toHex } from './image.hash.ts';
import { judgeQuality } from './image.quality.ts';

/** Where frames are sampled, as fractions of the duration. */
const SAMPLE_AT = [0.15, 0.5, 0.85] as const;

/**
 * A few frames sampled with ffmpeg (scaled to the analysis size by ffmpeg itself) and judged like
 * photos: the video is too dark, blown out or blurry when most frames are; near-static when the frames
 * barely differ. The middle frame's hash joins the near-duplicate index.
 */
export async function analyseVideo(
  open: () => Promise<Readable>,
  config: AnalysisConfig,
  timeoutMs: number,
): Promise<MediaAnalysisResult> {
  const frames = await withPrivateFile(await open(), '.video', async (file) => {
    const info = await probeMedia(file, timeoutMs);
    const seconds = (info.durationMs ?? 0) / 1000;
    const decoded: DecodedImage[] = [];
    for (const at of seconds > 0 ? SAMPLE_AT.map((f) => f * seconds) : [0]) {
      const png = await extractFrame(file, at, config.quality.analysisPx, timeoutMs);
      if (png.length > 0) {
        decoded.push({ ...(await decodeImage(png, config.quality.analysisPx)), ...(info.video ?? {}) });
      }
    }
    return decoded;
  });
  if (frames.length === 0) {
    return { verdict: 'unknown', flags: [], reasons: [], scores: {}, phash: null, exif: null };
  }
  const judged = frames.map((frame) => judgeQuality(scoreQuality(frame, 0, config.quality), config.quality));
  const reasons = (['too_dark', 'overexposed', 'blurry'] satisfies UnusableReason[]).filter(
    (reason) => judged.filter((r) => r.includes(reason)).length * 2 > frames.length,
  );
  const motion = meanMotion(frames);
  const flags: AnalysisFlag[] = [...reasons];
  if (frames.length > 1 && motion < config.quality.minMotion) {
    flags.push('near_static');
  }
  const middle = frames[Math.floor(frames.length / 2)]!;
  return {
    verdict: reasons.length > 0 ? 'unusable' : 'usable',
    flags,
    reasons,
    scores: {
      quality: scoreQuality(middle, 0, config.quality),
      frames: { count: frames.length, motion: Math.round(motion * 100) / 100 },
    },
    phash: config.enabled.hash ? toHex(differenceHash(middle.grey)) : null,
    exif: null,
  };
}

async function extractFrame(file: string, at: number, px: number, timeoutMs: number): Promise<Buffer> {
  const { stdout } = await runTool(
    requireTool('ffmpeg'),
    [
      '-v',
      'error',
      '-nostdin',
      '-ss',
      at.toFixed(2),
      '-i',
      file,
      '-frames:v',
      '1',
      '-vf',
      `scale=${px}:${px}:force_original_aspect_ratio=decrease`,
      '-f',
      'image2pipe',
      '-c:v',
      'png',
      '-',
    ],
    { timeoutMs, maxStdoutBytes: 8 * 1024 * 1024 },
  );
  return stdout;
}

/** Mean absolute grey difference between consecutive frames (0–255), on same-sized copies. */
function meanMotion(frames: readonly DecodedImage[]): number {
  let total = 0;
  let pairs = 0;
  for (let i = 1; i < frames.length; i += 1) {
    const a = frames[i - 1]!.grey;
    const b = frames[i]!.grey;
    if (a.data.length !== b.data.length) {
      continue;
    }
    let sum = 0;
    for (let p = 0; p < a.data.length; p += 1) {
      sum += Math.abs(a.data[p]! - b.data[p]!);
    }
    total += sum / a.data.length;
    pairs += 1;
  }
  return pairs > 0 ? total / pairs : 0;
}
