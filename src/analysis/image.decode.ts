import sharp from 'sharp';
import { AppError } from '../kernel/index.ts';
import type { GreyImage } from './image.quality.ts';

/** Decoding more pixels than this is refused before any decoding (as the media previews do). */
const MAX_PIXELS = 50_000_000;

export interface DecodedImage {
  /** Original size (orientation applied) and format, from the header. */
  width: number;
  height: number;
  format: string;
  /** Grey copy shrunk to the analysis size (JPEG shrink-on-load: a 12 MP photo is decoded at 1/8). */
  grey: GreyImage;
}

/** Reads the header, then decodes once into a small grey copy every quality and hash score uses. */
export async function decodeImage(bytes: Buffer, analysisPx: number): Promise<DecodedImage> {
  try {
    const meta = await sharp(bytes).metadata();
    const rotated = (meta.orientation ?? 1) >= 5;
    const width = (rotated ? meta.height : meta.width) ?? 0;
    const height = (rotated ? meta.width : meta.height) ?? 0;
    if (width * height > MAX_PIXELS || width === 0 || height === 0) {
      throw new AppError('unprocessable', 'analysis.image_too_large', `${width} × ${height} pixels.`);
    }
    // Only the steps this file needs: each extra libvips operation costs a pass over the pixels.
    let pipeline = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'none' });
    if ((meta.orientation ?? 1) > 1) {
      pipeline = pipeline.rotate();
    }
    pipeline = pipeline.resize({
      width: analysisPx,
      height: analysisPx,
      fit: 'inside',
      withoutEnlargement: true,
    });
    if (meta.hasAlpha) {
      pipeline = pipeline.flatten({ background: '#ffffff' });
    }
    const { data, info } = await pipeline
      .greyscale()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return {
      width,
      height,
      format: meta.format ?? 'unknown',
      grey: {
        data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
        width: info.width,
        height: info.height,
      },
    };
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw new AppError('unprocessable', 'analysis.undecodable', 'The image could not be decoded.', {
      cause: error,
    });
  }
}
