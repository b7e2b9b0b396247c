/**
 * `npm run bench:ocr` — OCR time per screenshot for the native `tesseract` command and tesseract.js, on
 * the same English screenshots (four fonts, 28 px), with the image preparation alone (sharp: decode,
 * greyscale, enlarge, PNG) as the baseline measured in the same run. Median of three rounds. Stops by
 * itself in well under two minutes. Not part of the test suite.
 */

import { prepareForOcr } from '../src/knowledge/engines/ocr.engine.ts';
import { createTesseractJsOcr, createTesseractOcr, type OcrEngine } from '../src/knowledge/index.ts';
import { findTool } from '../src/media/index.ts';
import { buildScreenshots } from './support/knowledge-set.ts';

const ROUNDS = 3;
const screenshots = (await buildScreenshots(['en'])).filter((s) => s.variant === 'clean' && s.size === 28);

async function medianMs(task: (png: Buffer) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const shot of screenshots) {
      const started = performance.now();
      await task(shot.png);
      times.push(performance.now() - started);
    }
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const recognize = (engine: OcrEngine) => (png: Buffer) =>
  engine.recognize(png, { languages: ['en'], timeoutMs: 60_000 });

const baseline = await medianMs(prepareForOcr);
console.log(`${screenshots.length} screenshots × ${ROUNDS} rounds, median per screenshot`);
console.log(`baseline (prepare only, sharp): ${baseline.toFixed(1)} ms`);
const native = findTool('tesseract');
let nativeMs: number | undefined;
if (native) {
  nativeMs = await medianMs(recognize(createTesseractOcr(native)));
  console.log(
    `native tesseract:               ${nativeMs.toFixed(0)} ms  (${(nativeMs / baseline).toFixed(1)}× baseline)`,
  );
}
const js = createTesseractJsOcr();
await recognize(js)(screenshots[0]!.png); // start the worker and load the language data once
const jsMs = await medianMs(recognize(js));
await js.close();
console.log(
  `tesseract.js:                   ${jsMs.toFixed(0)} ms  (${(jsMs / baseline).toFixed(1)}× baseline${nativeMs ? `, ${(jsMs / nativeMs).toFixed(2)}× native` : ''})`,
);
