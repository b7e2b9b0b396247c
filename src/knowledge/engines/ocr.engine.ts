import sharp from 'sharp';
import { EngineError } from './run-with-input.ts';

export interface OcrResult {
  text: string;
  /** Mean word confidence, 0..1 (null when the engine gives none). */
  confidence: number | null;
  /** The language packs used, e.g. `eng+fra`. */
  languages: string;
}

/** Reads text from an image, locally. */
export interface OcrEngine {
  readonly name: 'tesseract' | 'tesseract.js';
  /** `languages` are ISO 639-1 codes in order of preference; packs that are not installed are skipped. */
  recognize(image: Buffer, options: { languages: readonly string[]; timeoutMs: number }): Promise<OcrResult>;
  close(): Promise<void>;
}

export const TESSERACT_CODES: Record<string, string> = {
  en: 'eng',
  fr: 'fra',
  es: 'spa',
  it: 'ita',
  ar: 'ara',
};

/** The packs to load: the preferred languages that are installed, English always last as the fallback. */
export function packsFor(languages: readonly string[], installed: ReadonlySet<string>): string[] {
  const packs = [...languages, 'en']
    .map((code) => TESSERACT_CODES[code])
    .filter((pack): pack is string => pack !== undefined && installed.has(pack));
  return [...new Set(packs)];
}

const MAX_PIXELS = 40_000_000;
const SMALL_WIDTH = 900;
const MAX_WIDTH = 3000;

/**
 * Greyscale PNG, orientation applied; small screenshots enlarged (tesseract reads text of about 20–30 px
 * best), 12-megapixel photos shrunk (the time grows with the pixels, the accuracy does not); huge images
 * refused before decoding.
 */
export async function prepareForOcr(image: Buffer): Promise<Buffer> {
  try {
    const meta = await sharp(image, { limitInputPixels: MAX_PIXELS }).metadata();
    const width = meta.width ?? 0;
    const target = width < SMALL_WIDTH ? width * 2 : Math.min(width, MAX_WIDTH);
    return await sharp(image, { limitInputPixels: MAX_PIXELS, animated: false })
      .rotate()
      .resize({ width: target || undefined, kernel: 'lanczos3' })
      .greyscale()
      .png({ compressionLevel: 1 })
      .toBuffer();
  } catch (error) {
    // Retrying cannot fix an image that does not decode (or is too large): it is recorded as failed.
    throw new EngineError('engine.failed', 'The image could not be decoded for OCR.', { cause: error });
  }
}

/** Bidi marks tesseract adds around Latin runs in Arabic text: invisible, and they break matching. */
export const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e]/g;

/** Lines of words from tesseract's TSV (level-5 rows), blocks apart, with the mean word confidence. */
export function parseTesseractTsv(tsv: string): { text: string; confidence: number | null } {
  let text = '';
  let lineKey = '';
  let blockKey = '';
  const confidences: number[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    const word = cells.slice(11).join('\t').replace(BIDI_MARKS, '').trim();
    if (cells[0] !== '5' || !word) {
      continue;
    }
    const block = `${cells[1]}.${cells[2]}`;
    const line = `${block}.${cells[3]}.${cells[4]}`;
    if (line === lineKey) {
      text += ' ';
    } else if (text) {
      text += block === blockKey ? '\n' : '\n\n';
    }
    lineKey = line;
    blockKey = block;
    text += word;
    const confidence = Number(cells[10]);
    if (confidence >= 0) {
      confidences.push(confidence);
    }
  }
  const mean = confidences.reduce((a, b) => a + b, 0) / confidences.length;
  return { text, confidence: confidences.length > 0 ? mean / 100 : null };
}
