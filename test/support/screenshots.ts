import sharp from 'sharp';

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
