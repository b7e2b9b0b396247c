import type { Readable } from 'node:stream';
import { probeMedia, requireTool, runTool, withPrivateFile } from '../media/index.ts';
import type { QualityThresholds } from './analysis.config.ts';
import type { AnalysisFlag, MediaAnalysisResult } from './analysis.types.ts';

/**
 * Duration (ffprobe) and loudness (ffmpeg's volumedetect: mean and peak level in dBFS) of a voice note:
 * flagged `too_short` or `silent` (nothing to listen to), so the agent knows before pressing play.
 */
export async function analyseVoice(
  open: () => Promise<Readable>,
  limits: QualityThresholds,
  timeoutMs: number,
): Promise<MediaAnalysisResult> {
  const audio = await withPrivateFile(await open(), '.audio', async (file) => {
    const info = await probeMedia(file, timeoutMs);
    const { stderr } = await runTool(
      requireTool('ffmpeg'),
      ['-hide_banner', '-nostats', '-nostdin', '-i', file, '-af', 'volumedetect', '-vn', '-f', 'null', '-'],
      { timeoutMs, maxStdoutBytes: 1024 },
    );
    return {
      durationMs: info.durationMs ?? 0,
      meanVolumeDb: readDb(stderr, 'mean_volume'),
      maxVolumeDb: readDb(stderr, 'max_volume'),
    };
  });
  const flags: AnalysisFlag[] = [];
  if (audio.durationMs < limits.minVoiceMs) {
    flags.push('too_short');
  }
  if (audio.meanVolumeDb < limits.silentDb) {
    flags.push('silent');
  }
  return {
    verdict: flags.length > 0 ? 'unusable' : 'usable',
    flags,
    reasons: [],
    scores: { audio },
    phash: null,
    exif: null,
  };
}

/** `mean_volume: -23.4 dB` from volumedetect's log; silence (no samples) reads as -91 dB. */
function readDb(log: string, name: string): number {
  const match = new RegExp(`${name}:\\s*(-?[\\d.]+|-inf) dB`).exec(log);
  const value = match?.[1] === '-inf' ? -91 : Number(match?.[1]);
  return Number.isFinite(value) ? value : -91;
}
