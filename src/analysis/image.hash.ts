import type { GreyImage } from './image.quality.ts';

/**
 * dHash (difference hash), 64 bits: the grey image averaged down to 9 × 8 cells, one bit per pair of
 * horizontal neighbours (left brighter than right). Robust to resizing, recompression and small colour
 * changes; cheap, since it reuses the grey copy the quality scores were computed on.
 */
export function differenceHash(image: GreyImage): bigint {
  const cells = boxResize(image, 9, 8);
  let hash = 0n;
  for (let y = 0; y < 8; y += 1) {
    for (let x = 0; x < 8; x += 1) {
      hash = (hash << 1n) | (cells[y * 9 + x]! > cells[y * 9 + x + 1]! ? 1n : 0n);
    }
  }
  return hash;
}

/** Area average of each output cell (every source pixel counts once). */
function boxResize(image: GreyImage, width: number, height: number): Float64Array {
  const sums = new Float64Array(width * height);
  const counts = new Float64Array(width * height);
  for (let y = 0; y < image.height; y += 1) {
    const cy = Math.min(height - 1, Math.floor((y * height) / image.height));
    for (let x = 0; x < image.width; x += 1) {
      const cell = cy * width + Math.min(width - 1, Math.floor((x * width) / image.width));
      sums[cell]! += image.data[y * image.width + x]!;
      counts[cell]! += 1;
    }
  }
  return sums.map((sum, i) => sum / Math.max(1, counts[i]!));
}

export const toHex = (hash: bigint): string => hash.toString(16).padStart(16, '0');
export const fromHex = (hex: string): bigint => BigInt(`0x${hex}`);

/**
 * Multi-index hashing: the 64 bits as four 16-bit segments, each in its own indexed column. If two
 * hashes differ in at most 7 bits, one of the four segments differs in at most 1 bit (pigeonhole:
 * 4 × 2 = 8 > 7). So a query for each segment's value and its 16 one-bit neighbours (17 keys × 4
 * columns) finds every hash within distance 7. Eight 8-bit segments would find the same set with exact
 * keys only, but an 8-bit key matches 1/256 of the table (≈ 31,000 rows of a million); a 16-bit key
 * matches 1/65,536 (≈ 15), so 68 keys still read only ≈ 1,000 rows.
 */
export type Segments = readonly [number, number, number, number];

export function toSegments(hash: bigint): Segments {
  return [
    Number((hash >> 48n) & 0xffffn),
    Number((hash >> 32n) & 0xffffn),
    Number((hash >> 16n) & 0xffffn),
    Number(hash & 0xffffn),
  ];
}

/** Each segment's value and, with radius 1, its 16 one-bit neighbours. */
export function probeKeys(segments: Segments, radius: 0 | 1 = 1): number[][] {
  return segments.map((value) => {
    const keys = [value];
    if (radius === 1) {
      for (let bit = 0; bit < 16; bit += 1) {
        keys.push(value ^ (1 << bit));
      }
    }
    return keys;
  });
}

function popcount16(value: number): number {
  let v = value - ((value >> 1) & 0x5555);
  v = (v & 0x3333) + ((v >> 2) & 0x3333);
  v = (v + (v >> 4)) & 0x0f0f;
  return (v + (v >> 8)) & 0x1f;
}

export function hammingSegments(a: Segments, b: Segments): number {
  return (
    popcount16(a[0] ^ b[0]) + popcount16(a[1] ^ b[1]) + popcount16(a[2] ^ b[2]) + popcount16(a[3] ^ b[3])
  );
}

export function hamming(a: bigint, b: bigint): number {
  return hammingSegments(toSegments(a), toSegments(b));
}
