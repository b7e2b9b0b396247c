import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY } from './analysis.config.ts';
import { guidanceText } from './analysis.guidance.ts';
import { fromHex, hamming, hammingSegments, probeKeys, toHex, toSegments } from './image.hash.ts';
import { judgeQuality, laplacianVariance } from './image.quality.ts';

/** A hash with `bits` distinct random bits flipped. */
function flip(hash: bigint, bits: number, random: () => number): bigint {
  const chosen = new Set<number>();
  while (chosen.size < bits) {
    chosen.add(Math.floor(random() * 64));
  }
  return [...chosen].reduce((h, bit) => h ^ (1n << BigInt(bit)), hash);
}

describe('multi-index hashing', () => {
  it.each([0, 1, 3, 5, 7])('finds every hash %i bits away through one probed band key', (distance) => {
    let seed = 7 + distance;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 500; round += 1) {
      const stored = BigInt.asUintN(64, BigInt(Math.floor(random() * 2 ** 53)) * 4099n);
      const query = flip(stored, distance, random);
      expect(hamming(stored, query)).toBe(distance);
      const keys = probeKeys(toSegments(query), distance <= 3 ? 0 : 1);
      const bands = toSegments(stored);
      expect(bands.some((band, i) => keys[i]!.includes(band))).toBe(true);
    }
  });

  it('round-trips hex and counts differing bits across bands', () => {
    const hash = 0xf0f0_0000_ffff_0001n;
    expect(fromHex(toHex(hash))).toBe(hash);
    expect(hammingSegments(toSegments(hash), toSegments(0n))).toBe(4 + 4 + 16 + 1);
  });
});

describe('quality', () => {
  const image = (value: (x: number, y: number) => number, size = 64) => {
    const data = new Uint8Array(size * size);
    for (let y = 0; y < size; y += 1) {
      for (let x = 0; x < size; x += 1) {
        data[y * size + x] = value(x, y);
      }
    }
    return { data, width: size, height: size };
  };

  it('scores a checkerboard sharp and a flat field at zero', () => {
    expect(laplacianVariance(image((x, y) => ((x + y) % 2) * 255))).toBeGreaterThan(10_000);
    expect(laplacianVariance(image(() => 128))).toBe(0);
  });

  const scores = {
    width: 1200,
    height: 900,
    sharpness: 200,
    meanBrightness: 120,
    darkShare: 0,
    brightShare: 0,
    bytesPerPixel: 0.3,
    flatShare: 0.05,
  };
  it.each([
    [{}, []],
    [{ width: 200, height: 150 }, ['too_small']],
    [{ meanBrightness: 20, sharpness: 5 }, ['too_dark']],
    [{ meanBrightness: 240, sharpness: 5 }, ['overexposed']],
    [{ sharpness: 10 }, ['blurry']],
    // A screenshot: flat, white, crisp — not judged on exposure.
    [{ meanBrightness: 240, brightShare: 0.9, flatShare: 0.95, sharpness: 600 }, []],
  ])('judges %o as %o', (patch, reasons) => {
    expect(judgeQuality({ ...scores, ...patch }, DEFAULT_QUALITY)).toEqual(reasons);
  });
});

describe('guidance', () => {
  it('uses the business wording for the language when set, else the catalogue', () => {
    const overrides = { blurry: { fr: 'Photo floue, merci de recommencer.' } };
    expect(guidanceText('blurry', 'fr-FR', overrides)).toBe('Photo floue, merci de recommencer.');
    expect(guidanceText('blurry', 'it', overrides)).toContain('sfocata');
    expect(guidanceText('too_dark', 'ar', {})).toContain('مظلمة');
  });
});
