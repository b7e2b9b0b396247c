import sharp from 'sharp';
import { buildPdf } from './media-fixtures.ts';

export interface ScreenshotOptions {
  font?: string;
  size?: number;
  width?: number;
  /** Right-to-left text (Arabic): anchored at the right edge. */
  rtl?: boolean;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A PNG "screenshot" of an app showing `lines` (rendered by sharp from SVG text; nothing committed). */
export async function renderScreenshot(
  lines: readonly string[],
  options: ScreenshotOptions = {},
): Promise<Buffer> {
  const size = options.size ?? 30;
  const width = options.width ?? 1000;
  const lineHeight = Math.round(size * 1.6);
  const height = lineHeight * (lines.length + 1);
  const x = options.rtl ? width - 40 : 40;
  const anchor = options.rtl ? 'end' : 'start';
  const text = lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${lineHeight * (i + 1)}" text-anchor="${anchor}" font-family="${options.font ?? 'DejaVu Sans'}" font-size="${size}" fill="${i === 0 ? '#b00020' : '#222'}">${escapeXml(line)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fafafa"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A one-page PDF showing `lines` in Helvetica (ASCII only), like an invoice or an error report. */
export function renderTextPdf(lines: readonly string[]): Buffer {
  const text = lines
    .map((line, i) => `BT /F1 20 Tf 40 ${260 - i * 32} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`)
    .join('\n');
  return buildPdf({ stream: text, width: 600, height: 300 });
}
