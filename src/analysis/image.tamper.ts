import sharp from 'sharp';
import type { GreyImage } from './image.quality.ts';

const ELA_QUALITY = 90;
const ELA_CROP_PX = 1024;
const BLOCK = 8;

/**
 * Error-level analysis: a window of the JPEG at full resolution (aligned to its 8 × 8 grid) is saved
 * again at a known quality and compared block by block. A photo saved once loses about as much
 * everywhere, relative to each block's texture; a region pasted in from a differently compressed
 * picture loses more or less than the rest. The score is how far the 99th percentile of the per-block
 * error (normalised by the block's texture) lies above its median.
 */
export async function errorLevel(bytes: Buffer): Promise<number> {
  // The stored orientation: the compression grid is in it, not in the displayed one.
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  const crop = {
    left: Math.max(0, Math.floor((width - ELA_CROP_PX) / 2 / 16) * 16),
    top: Math.max(0, Math.floor((height - ELA_CROP_PX) / 2 / 16) * 16),
    width: Math.min(width, ELA_CROP_PX),
    height: Math.min(height, ELA_CROP_PX),
  };
  const original = await sharp(bytes, { failOn: 'none' })
    .extract(crop)
    .greyscale()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const { width: w, height: h } = original.info;
  const resaved = await sharp(original.data, { raw: { width: w, height: h, channels: 1 } })
    .jpeg({ quality: ELA_QUALITY })
    .toBuffer();
  const again = await sharp(resaved).greyscale().raw({ depth: 'uchar' }).toBuffer();
  return blockErrorSpread(original.data, again, w, h);
}

function blockErrorSpread(a: Uint8Array, b: Uint8Array, width: number, height: number): number {
  const ratios: number[] = [];
  for (let by = 0; by + BLOCK <= height; by += BLOCK) {
    for (let bx = 0; bx + BLOCK <= width; bx += BLOCK) {
      let error = 0;
      let sum = 0;
      let sumSquares = 0;
      for (let y = by; y < by + BLOCK; y += 1) {
        for (let x = bx; x < bx + BLOCK; x += 1) {
          const i = y * width + x;
          const value = a[i]!;
          error += Math.abs(value - b[i]!);
          sum += value;
          sumSquares += value * value;
        }
      }
      const n = BLOCK * BLOCK;
      const texture = Math.sqrt(Math.max(0, sumSquares / n - (sum / n) ** 2));
      // Flat blocks say nothing about compression history.
      if (texture >= 2) {
        ratios.push(error / n / texture);
      }
    }
  }
  if (ratios.length < 16) {
    return 0;
  }
  ratios.sort((x, y) => x - y);
  const median = ratios[Math.floor(ratios.length / 2)]!;
  const high = ratios[Math.floor(ratios.length * 0.99)]!;
  return high / Math.max(median, 1e-3);
}

/** Share of pixels whose 4-neighbour Laplacian is zero: flat UI areas and rendered text, not sensor noise. */
export function flatShare(image: GreyImage): number {
  const { data, width, height } = image;
  if (width < 3 || height < 3) {
    return 0;
  }
  let flat = 0;
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      if (data[i - width]! + data[i + width]! + data[i - 1]! + data[i + 1]! === 4 * data[i]!) {
        flat += 1;
      }
    }
  }
  return flat / ((width - 2) * (height - 2));
}
