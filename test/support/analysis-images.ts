import sharp, { type Sharp } from 'sharp';

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same picture. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic "product photo" the project owns: a lit gradient, random shapes with edges at every scale
 * and fine sensor-like noise, so sharpness, exposure and hashes behave as on a real photo.
 */
export async function texturedPhoto(seed: number, width = 1280, height = 960): Promise<Sharp> {
  const random = seeded(seed);
  const colour = () =>
    `rgb(${Math.floor(random() * 200) + 30},${Math.floor(random() * 200) + 30},${Math.floor(random() * 200) + 30})`;
  const shapes: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const x = Math.floor(random() * width);
    const y = Math.floor(random() * height);
    const size = Math.floor(random() * (width / 5)) + 10;
    shapes.push(
      random() < 0.5
        ? `<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${colour()}"/>`
        : `<rect x="${x}" y="${y}" width="${size}" height="${Math.floor(size * (0.3 + random()))}" fill="${colour()}" transform="rotate(${Math.floor(random() * 90)} ${x} ${y})"/>`,
    );
  }
  for (let i = 0; i < 12; i += 1) {
    const y = Math.floor(random() * height);
    shapes.push(
      `<text x="${Math.floor(random() * width * 0.6)}" y="${y}" font-size="${18 + Math.floor(random() * 30)}" fill="${colour()}">LOT ${Math.floor(random() * 1e6)}</text>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}</svg>`;
  const base = await sharp(Buffer.from(svg)).png().toBuffer();
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 12 },
    },
  })
    .png()
    .toBuffer();
  return sharp(base).composite([{ input: noise, blend: 'overlay' }]);
}

export const jpeg = (image: Sharp, quality = 88) => image.jpeg({ quality }).toBuffer();
export const blurred = async (seed: number, sigma = 6) =>
  jpeg(sharp(await jpeg(await texturedPhoto(seed))).blur(sigma));
export const darkened = async (seed: number) =>
  jpeg(sharp(await jpeg(await texturedPhoto(seed))).linear(0.12, 0));
export const overexposed = async (seed: number) =>
  jpeg(sharp(await jpeg(await texturedPhoto(seed))).linear(0.35, 200));
