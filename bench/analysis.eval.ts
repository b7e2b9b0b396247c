/**
 * npm run eval:analysis — accuracy of the local media analysis on an evaluation set the project owns,
 * generated here with sharp (nothing downloaded, nothing committed): synthetic textured "product
 * photos" (seeded, so every run sees the same set) and their sharp / blurred / dark / overexposed
 * versions, edited and re-saved copies, spliced pictures, screenshots, near-duplicates (crop, resize,
 * re-compression, brightness) and distinct negatives. Prints precision and recall per flag.
 */
import sharp, { type Sharp } from 'sharp';
import {
  type AnalysisFlag,
  analyseImage,
  fromHex,
  hamming,
  type MediaAnalysisResult,
  resolveAnalysisConfig,
} from '../src/analysis/index.ts';
import { jpeg, seeded, texturedPhoto } from '../test/support/analysis-images.ts';

const PHOTOS = 24;
/** Eval pictures are 640 × 480 (scores are computed on a 512-pixel copy anyway): the run stays short. */
const W = 640;
const H = 480;
const photo = (seed: number) => texturedPhoto(seed, W, H);
const config = resolveAnalysisConfig();
const NOW = Date.UTC(2026, 10, 22);

interface Sample {
  bytes: Buffer;
  /** The flag this sample should (true) or should not (false) raise. */
  expected: Partial<Record<AnalysisFlag, boolean>>;
}

const analyse = (bytes: Buffer): Promise<MediaAnalysisResult> =>
  analyseImage({ bytes, receivedAt: NOW }, config);

/** A camera's JPEG: its own EXIF (make, model, capture date), saved once. */
async function cameraPhoto(seed: number, options: { software?: string; capturedAt?: string } = {}) {
  const image = sharp(await (await photo(seed)).png().toBuffer());
  return image
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS 250D', ...(options.software ? { Software: options.software } : {}) },
      IFD2: { DateTimeOriginal: options.capturedAt ?? '2026:11:20 10:12:00' },
    })
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function qualitySet(): Promise<Sample[]> {
  const random = seeded(11);
  const samples: Sample[] = [];
  for (let i = 0; i < PHOTOS; i += 1) {
    const original = await jpeg(await photo(1000 + i));
    const fromOriginal = (edit: (s: Sharp) => Sharp) => jpeg(edit(sharp(original)));
    const sigma = 2 + random() * 4;
    const dark = 0.08 + random() * 0.17;
    const lift = 175 + random() * 40;
    samples.push(
      { bytes: original, expected: { blurry: false, too_dark: false, overexposed: false } },
      // Slight softness (a phone's own processing) is not blur.
      { bytes: await fromOriginal((s) => s.blur(0.6)), expected: { blurry: false } },
      { bytes: await fromOriginal((s) => s.blur(sigma)), expected: { blurry: true } },
      // Dim but readable, and bright but not blown out.
      { bytes: await fromOriginal((s) => s.linear(0.7, 0)), expected: { too_dark: false } },
      { bytes: await fromOriginal((s) => s.linear(dark, 0)), expected: { too_dark: true } },
      { bytes: await fromOriginal((s) => s.linear(1.1, 15)), expected: { overexposed: false } },
      { bytes: await fromOriginal((s) => s.linear(0.3, lift)), expected: { overexposed: true } },
    );
  }
  return samples;
}

/** A region of another picture, compressed hard, pasted in; the whole re-saved at high quality. */
async function spliced(seed: number): Promise<Buffer> {
  const base = await (await photo(seed)).png().toBuffer();
  const patch = await jpeg(sharp(await jpeg(await texturedPhoto(seed + 5000, 200, 150), 35)), 35);
  return sharp(base)
    .composite([{ input: patch, left: 221, top: 163 }])
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** A rendered app screen with an error, as a phone's screenshot (PNG, no camera data). */
async function screenshot(seed: number): Promise<Buffer> {
  const random = seeded(seed);
  const rows = Array.from(
    { length: 9 },
    (_, i) =>
      `<rect x="40" y="${300 + i * 130}" width="1000" height="100" rx="12" fill="#f3f4f6"/><text x="70" y="${360 + i * 130}" font-size="34" fill="#111">Order ${Math.floor(random() * 1e6)} — ${(random() * 300).toFixed(2)} EUR</text>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1920"><rect width="100%" height="100%" fill="${random() < 0.5 ? '#ffffff' : '#1f2937'}"/><rect width="1080" height="200" fill="#2563eb"/><text x="40" y="130" font-size="56" fill="#fff">Payments</text>${rows}<text x="40" y="1600" font-size="40" fill="#dc2626">Error E-${Math.floor(random() * 9000 + 1000)}: payment declined</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function tamperSet(): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < PHOTOS; i += 1) {
    const seed = 2000 + i;
    samples.push(
      {
        bytes: await cameraPhoto(seed),
        expected: { edited: false, recompressed: false, screenshot_like: false, old_capture: false },
      },
      {
        bytes: await cameraPhoto(seed, { software: 'Adobe Photoshop 25.1 (Windows)' }),
        expected: { edited: true },
      },
      {
        bytes: await cameraPhoto(seed, { capturedAt: '2024:03:02 09:00:00' }),
        expected: { old_capture: true },
      },
      { bytes: await spliced(seed), expected: { recompressed: true } },
      { bytes: await screenshot(seed), expected: { screenshot_like: true } },
    );
  }
  return samples;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function score(counts: Map<string, Counts>, flag: string, predicted: boolean, expected: boolean) {
  const c = counts.get(flag) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
  const key = predicted ? (expected ? 'tp' : 'fp') : expected ? 'fn' : 'tn';
  c[key] += 1;
  counts.set(flag, c);
}

async function evaluate(samples: Sample[], counts: Map<string, Counts>): Promise<void> {
  for (const sample of samples) {
    const result = await analyse(sample.bytes);
    for (const [flag, expected] of Object.entries(sample.expected)) {
      score(counts, flag, result.flags.includes(flag as AnalysisFlag), expected);
    }
  }
}

/** Near-duplicates of each original must be within the distance; distinct photos must not. */
async function duplicateSet(counts: Map<string, Counts>): Promise<void> {
  const hashOf = async (bytes: Buffer) => fromHex((await analyse(bytes)).phash!);
  const originals: bigint[] = [];
  const edits: Record<string, (s: Sharp) => Sharp> = {
    'resized to half': (s) => s.resize(W / 2),
    'recompressed (q45)': (s) => s.jpeg({ quality: 45 }),
    brightened: (s) => s.linear(1.1, 12),
    'resized + WebP': (s) => s.resize(400).webp({ quality: 60 }),
    'cropped 2 %': (s) => s.extract({ left: 6, top: 5, width: W - 12, height: H - 10 }),
    'cropped 5 %': (s) => s.extract({ left: 16, top: 12, width: W - 32, height: H - 24 }),
  };
  const variants: { of: number; edit: string; hash: bigint }[] = [];
  for (let i = 0; i < PHOTOS; i += 1) {
    const bytes = await jpeg(await photo(3000 + i));
    originals.push(await hashOf(bytes));
    for (const [edit, apply] of Object.entries(edits)) {
      variants.push({ of: i, edit, hash: await hashOf(await apply(sharp(bytes)).toBuffer()) });
    }
  }
  const negatives: bigint[] = [];
  for (let i = 0; i < PHOTOS * 4; i += 1) {
    negatives.push(await hashOf(await jpeg(await photo(4000 + i))));
  }
  for (const maxDistance of [3, config.duplicateMaxDistance]) {
    const flag = `duplicate (≤ ${maxDistance} bits)`;
    for (const variant of variants) {
      const nearest = nearestOriginal(originals, variant.hash);
      const found = nearest.distance <= maxDistance && nearest.index === variant.of;
      score(counts, flag, found, true);
      score(counts, `  ${variant.edit} (≤ ${maxDistance})`, found, true);
    }
    for (const negative of negatives) {
      score(counts, flag, nearestOriginal(originals, negative).distance <= maxDistance, false);
    }
  }
}

function nearestOriginal(originals: readonly bigint[], hash: bigint) {
  let best = { index: -1, distance: 65 };
  originals.forEach((original, index) => {
    const distance = hamming(original, hash);
    if (distance < best.distance) {
      best = { index, distance };
    }
  });
  return best;
}

const counts = new Map<string, Counts>();
const started = performance.now();
await evaluate(await qualitySet(), counts);
await evaluate(await tamperSet(), counts);
await duplicateSet(counts);
const rows = [...counts].map(([flag, c]) => {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 1;
  return {
    flag,
    positives: c.tp + c.fn,
    negatives: c.fp + c.tn,
    precision: precision.toFixed(3),
    recall: recall.toFixed(3),
  };
});
console.log(
  `Evaluation set: ${PHOTOS} synthetic ${W} × ${H} photos per group, generated in this run (seeded).`,
);
console.table(rows);
console.log('| flag | positives | negatives | precision | recall |\n|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.flag} | ${r.positives} | ${r.negatives} | ${r.precision} | ${r.recall} |`);
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
