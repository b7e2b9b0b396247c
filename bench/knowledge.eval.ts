/**
 * `npm run eval:knowledge` — accuracy of the text side of media analysis, on a set generated at run time:
 * OCR character and word accuracy (and error-code extraction) per engine and language, over four fonts
 * and two sizes; transcription word error rate on spoken sentences (espeak-ng); category accuracy on the
 * held-out labelled set (rules + naive Bayes, and each alone). Prints markdown tables. Not part of tests.
 */

import {
  createCategorizer,
  createTesseractJsOcr,
  createTesseractOcr,
  extractSignals,
  findTranscriber,
  loadCorpus,
  loadDefaultRules,
  type OcrEngine,
  trainNaiveBayes,
} from '../src/knowledge/index.ts';
import { findTool } from '../src/media/index.ts';
import {
  accuracy,
  buildScreenshots,
  buildVoiceNotes,
  type ScreenshotCase,
  wordErrorRate,
} from './support/knowledge-set.ts';

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function evaluateOcr(engine: OcrEngine, cases: readonly ScreenshotCase[]) {
  const rows = [];
  for (const item of cases) {
    const started = performance.now();
    const result = await engine.recognize(item.png, { languages: [item.language], timeoutMs: 60_000 });
    const ms = performance.now() - started;
    const found = extractSignals(result.text).some((s) => s.value === item.code);
    rows.push({ item, ms, found, ...accuracy(item.text, result.text) });
  }
  return rows;
}

function printOcr(name: string, rows: Awaited<ReturnType<typeof evaluateOcr>>) {
  console.log(`\n### OCR: ${name}\n`);
  console.log('| language | char accuracy | word accuracy | code extracted | median ms |');
  console.log('|---|---|---|---|---|');
  const groups = [...new Set(rows.map((r) => r.item.language)), 'all'];
  for (const language of groups) {
    const subset = language === 'all' ? rows : rows.filter((r) => r.item.language === language);
    console.log(
      `| ${language} | ${pct(mean(subset.map((r) => r.chars)))} | ${pct(mean(subset.map((r) => r.words)))} | ${subset.filter((r) => r.found).length}/${subset.length} | ${median(subset.map((r) => r.ms)).toFixed(0)} |`,
    );
  }
  const kinds = [
    ['28px screenshots', (r: (typeof rows)[number]) => r.item.variant === 'clean' && r.item.size === 28],
    ['16px screenshots', (r: (typeof rows)[number]) => r.item.variant === 'clean' && r.item.size === 16],
    ['photos of the screen', (r: (typeof rows)[number]) => r.item.variant === 'photo'],
  ] as const;
  for (const [label, test] of kinds) {
    const subset = rows.filter(test);
    console.log(
      `| ${label} | ${pct(mean(subset.map((r) => r.chars)))} | ${pct(mean(subset.map((r) => r.words)))} | ${subset.filter((r) => r.found).length}/${subset.length} | |`,
    );
  }
}

async function evaluateOcrEngines() {
  const cases = await buildScreenshots();
  console.log(
    `\n## OCR (${cases.length} images: 5 languages × 4 fonts × 28 px, 16 px and a photo of the 28 px screen)`,
  );
  const native = findTool('tesseract');
  const summary: Record<string, number> = {};
  if (native) {
    const rows = await evaluateOcr(createTesseractOcr(native), cases);
    printOcr('native tesseract (Debian packs eng, fra, spa, ita, ara)', rows);
    summary.native = mean(rows.map((r) => r.chars));
  } else {
    console.log('\n(native tesseract not installed: skipped)');
  }
  const js = createTesseractJsOcr();
  try {
    const rows = await evaluateOcr(js, cases);
    printOcr('tesseract.js (npm data: eng, fra; other languages read with eng)', rows);
    summary.js = mean(rows.map((r) => r.chars));
  } finally {
    await js.close();
  }
  if (summary.native !== undefined && summary.js !== undefined) {
    const [weak, strong] =
      summary.native >= summary.js
        ? ['tesseract.js', 'native tesseract']
        : ['native tesseract', 'tesseract.js'];
    const errorRatio =
      (1 - Math.min(summary.native, summary.js)) / Math.max(1e-9, 1 - Math.max(summary.native, summary.js));
    console.log(
      `\nThe weaker OCR engine is ${weak}: ${errorRatio.toFixed(1)}× the character errors of ${strong}.`,
    );
  }
}

async function evaluateTranscription() {
  console.log('\n## Transcription (10 English sentences, espeak-ng → Opus voice notes)\n');
  const transcriber = findTranscriber();
  if (!transcriber) {
    console.log('No speech engine installed: voice notes get the no_engine state.');
    return;
  }
  const notes = buildVoiceNotes();
  const rates: number[] = [];
  console.log('| said | heard | WER |');
  console.log('|---|---|---|');
  for (const note of notes) {
    const { text } = await transcriber.transcribe(note.ogg, { timeoutMs: 60_000 });
    const wer = wordErrorRate(note.text, text);
    rates.push(wer);
    console.log(`| ${note.text} | ${text || '(nothing)'} | ${pct(wer)} |`);
  }
  console.log(
    `\n${transcriber.name}: mean word error rate ${pct(mean(rates))} — weak; a better model is needed for real voices.`,
  );
}

function evaluateCategories() {
  const heldout = loadCorpus('heldout');
  const model = trainNaiveBayes(loadCorpus('seed'));
  const rules = loadDefaultRules();
  const variants = {
    'rules + naive Bayes': createCategorizer({ rules, model }),
    'rules only': createCategorizer({ rules, model: trainNaiveBayes([]) }),
    'naive Bayes only': createCategorizer({ rules: [], model }),
  };
  console.log(`\n## Categories (held-out set: ${heldout.length} texts, 8 categories × 5 languages × 2)\n`);
  console.log('| model | en | fr | es | it | ar | all |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, categorizer] of Object.entries(variants)) {
    const hit = (subset: typeof heldout) =>
      pct(
        subset.filter((item) => categorizer.categorize(item.text).category === item.label).length /
          subset.length,
      );
    const perLanguage = ['en', 'fr', 'es', 'it', 'ar'].map((language) =>
      hit(heldout.filter((i) => i.language === language)),
    );
    console.log(`| ${name} | ${perLanguage.join(' | ')} | ${hit(heldout)} |`);
  }
}

evaluateCategories();
await evaluateTranscription();
await evaluateOcrEngines();
