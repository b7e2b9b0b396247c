import type { Readable } from 'node:stream';
import sharp, { type Metadata } from 'sharp';
import { baseMime } from './media.limits.ts';
import type { DerivedImage, MediaProcessor, MediaSource, ProcessedMedia } from './media.processor.ts';
import { MediaError } from './media.types.ts';
import { findTool, runTool, withPrivateFile } from './tools.ts';

/** Decoding more pixels than this is refused before any decoding (a 30,000 × 30,000 "bomb" is 900 M). */
export const MAX_IMAGE_PIXELS = 50_000_000;
const THUMBNAIL_PX = 320;
const PREVIEW_PX = 1600;
const WAVEFORM_BARS = 64;
const TOOL_TIMEOUT_MS = 20_000;
const PCM_RATE = 8000;

/** sharp for images, the system's ffmpeg/ffprobe for video and audio, poppler for PDF first pages. */
export function createLocalMediaProcessor(options: { toolTimeoutMs?: number } = {}): MediaProcessor {
  const timeoutMs = options.toolTimeoutMs ?? TOOL_TIMEOUT_MS;
  return {
    async process(source) {
      const mime = baseMime(source.mime);
      if (mime.startsWith('image/')) {
        return processImage(await readAll(await source.open(), source.size));
      }
      if (mime.startsWith('video/')) {
        return processVideo(source, timeoutMs);
      }
      if (mime.startsWith('audio/')) {
        return processAudio(source, timeoutMs);
      }
      if (mime === 'application/pdf') {
        return processPdf(source, timeoutMs);
      }
      // Office files are zips or CFB containers: never expanded here, only sniffed at intake.
      return {};
    },
  };
}

async function readAll(stream: Readable, expected: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, expected);
}

/** A thumbnail and a web-sized copy (WebP), orientation applied; the original is kept untouched. */
export async function processImage(input: Buffer): Promise<ProcessedMedia> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new MediaError('media.corrupt', 'The image could not be read.', { cause: error });
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new MediaError(
      'media.image_too_many_pixels',
      `The image is ${width} × ${height} pixels, more than can be previewed safely.`,
    );
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  try {
    // The web copy is JPEG (fast to encode, shown everywhere); the thumbnail is made from it, not from
    // the original, so a 12-megapixel photo is decoded once (with JPEG shrink-on-load).
    const preview = await resize(input, PREVIEW_PX, 'jpeg');
    const thumbnail = await resize(preview.data, THUMBNAIL_PX, 'webp');
    return { preview, thumbnail, width: rotated ? height : width, height: rotated ? width : height };
  } catch (error) {
    throw new MediaError('media.corrupt', 'The image could not be decoded.', { cause: error });
  }
}

async function resize(input: Buffer, px: number, format: 'jpeg' | 'webp'): Promise<DerivedImage> {
  const pipeline = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', animated: false })
    .rotate()
    .resize({ width: px, height: px, fit: 'inside', withoutEnlargement: true });
  if (format === 'jpeg') {
    // Flattened: a transparent PNG's web copy gets a white background instead of black.
    const data = await pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80 }).toBuffer();
    return { data, mime: 'image/jpeg' };
  }
  return { data: await pipeline.webp({ quality: 70, effort: 2 }).toBuffer(), mime: 'image/webp' };
}

export interface MediaProbe {
  durationMs: number | undefined;
  video: { width: number; height: number } | undefined;
}

/** Duration and picture size of a video or audio file, from ffprobe. */
export async function probeMedia(file: string, timeoutMs: number): Promise<MediaProbe> {
  const ffprobe = requireTool('ffprobe');
  const { stdout } = await runTool(
    ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    {
      timeoutMs,
      maxStdoutBytes: 1024 * 1024,
    },
  );
  const parsed = JSON.parse(stdout.toString()) as {
    format?: { duration?: string };
    streams?: { codec_type?: string; width?: number; height?: number }[];
  };
  const seconds = Number(parsed.format?.duration);
  const video = parsed.streams?.find((s) => s.codec_type === 'video' && s.width && s.height);
  return {
    durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : undefined,
    video: video ? { width: video.width!, height: video.height! } : undefined,
  };
}

async function processVideo(source: MediaSource, timeoutMs: number): Promise<ProcessedMedia> {
  return withPrivateFile(await source.open(), '.video', async (file) => {
    const info = await probeMedia(file, timeoutMs);
    if (!info.video) {
      throw new MediaError('media.corrupt', 'The video has no picture track that could be read.');
    }
    const at = Math.min(1, (info.durationMs ?? 0) / 2000);
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
        '-f',
        'image2pipe',
        '-c:v',
        'png',
        '-',
      ],
      { timeoutMs, maxStdoutBytes: 64 * 1024 * 1024 },
    );
    const frame = await processImage(stdout);
    return {
      preview: frame.preview,
      thumbnail: frame.thumbnail,
      width: info.video.width,
      height: info.video.height,
      durationMs: info.durationMs,
    };
  });
}

async function processAudio(source: MediaSource, timeoutMs: number): Promise<ProcessedMedia> {
  return withPrivateFile(await source.open(), '.audio', async (file) => {
    const info = await probeMedia(file, timeoutMs);
    const waveform = await computeWaveform(file, timeoutMs);
    return { durationMs: info.durationMs, waveform };
  });
}

/** Decodes to 8 kHz mono PCM as a stream and keeps one peak per block: memory stays flat. */
async function computeWaveform(file: string, timeoutMs: number): Promise<number[]> {
  const BLOCK = 400;
  const peaks: number[] = [];
  let current = 0;
  let inBlock = 0;
  let carry: Buffer | undefined;
  await runTool(
    requireTool('ffmpeg'),
    ['-v', 'error', '-nostdin', '-i', file, '-ac', '1', '-ar', String(PCM_RATE), '-f', 's16le', '-'],
    {
      timeoutMs,
      maxStdoutBytes: Number.POSITIVE_INFINITY,
      onStdout: (chunk) => {
        const data = carry ? Buffer.concat([carry, chunk]) : chunk;
        const usable = data.length - (data.length % 2);
        for (let i = 0; i < usable; i += 2) {
          current = Math.max(current, Math.abs(data.readInt16LE(i)));
          inBlock += 1;
          if (inBlock === BLOCK) {
            peaks.push(current);
            current = 0;
            inBlock = 0;
          }
        }
        carry = usable < data.length ? data.subarray(usable) : undefined;
      },
    },
  );
  if (inBlock > 0) {
    peaks.push(current);
  }
  return summarise(peaks, WAVEFORM_BARS);
}

function summarise(peaks: number[], bars: number): number[] {
  if (peaks.length === 0) {
    return [];
  }
  const out: number[] = [];
  for (let bar = 0; bar < bars; bar += 1) {
    const from = Math.floor((bar * peaks.length) / bars);
    const to = Math.max(from + 1, Math.floor(((bar + 1) * peaks.length) / bars));
    out.push(Math.max(...peaks.slice(from, Math.min(to, peaks.length)), 0));
  }
  const loudest = Math.max(...out, 1);
  return out.map((v) => Math.round((v / loudest) * 100) / 100);
}

async function processPdf(source: MediaSource, timeoutMs: number): Promise<ProcessedMedia> {
  const pdfinfo = findTool('pdfinfo');
  const pdftoppm = findTool('pdftoppm');
  if (!pdfinfo && !pdftoppm) {
    return {};
  }
  return withPrivateFile(await source.open(), '.pdf', async (file) => {
    const result: ProcessedMedia = {};
    if (pdfinfo) {
      const { stdout } = await runTool(pdfinfo, [file], { timeoutMs, maxStdoutBytes: 256 * 1024 });
      const pages = /^Pages:\s+(\d+)/m.exec(stdout.toString());
      result.pageCount = pages ? Number(pages[1]) : undefined;
    }
    if (pdftoppm) {
      const { stdout } = await runTool(
        pdftoppm,
        ['-f', '1', '-l', '1', '-singlefile', '-png', '-scale-to', String(PREVIEW_PX), file],
        {
          timeoutMs,
          maxStdoutBytes: 64 * 1024 * 1024,
        },
      );
      const page = await processImage(stdout);
      Object.assign(result, {
        preview: page.preview,
        thumbnail: page.thumbnail,
        width: page.width,
        height: page.height,
      });
    }
    return result;
  });
}

export function requireTool(name: string): string {
  const tool = findTool(name);
  if (!tool) {
    throw new MediaError(
      'media.tool_missing',
      `${name} is not installed; install ffmpeg for video and audio previews.`,
    );
  }
  return tool;
}
