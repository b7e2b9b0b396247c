import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { BIDI_MARKS, type OcrEngine, packsFor, prepareForOcr } from './ocr.engine.ts';
import { EngineError } from './run-with-input.ts';

const require = createRequire(import.meta.url);

/** Language data shipped as npm packages (@tesseract.js-data/*): nothing is fetched at run time. */
const PACKS: Record<string, string> = {
  eng: path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'),
  fra: path.join(path.dirname(require.resolve('@tesseract.js-data/fra/package.json')), '4.0.0_best_int'),
};

/**
 * tesseract.js (WebAssembly) with the English and French data from npm: the fallback when the native
 * command is absent. One worker per language pack, started on first use and kept; a worker that overruns
 * its time budget is terminated (the next call starts a new one).
 */
export function createTesseractJsOcr(): OcrEngine {
  const workers = new Map<string, Promise<Worker>>();
  const workerFor = (pack: string) => {
    let worker = workers.get(pack);
    if (!worker) {
      worker = createWorker(pack, OEM.LSTM_ONLY, { langPath: PACKS[pack], cacheMethod: 'none', gzip: true });
      workers.set(pack, worker);
    }
    return worker;
  };
  return {
    name: 'tesseract.js',
    async recognize(image, options) {
      const pack = packsFor(options.languages, new Set(Object.keys(PACKS)))[0] ?? 'eng';
      const png = await prepareForOcr(image);
      const worker = await workerFor(pack);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          workers.delete(pack);
          void worker.terminate();
          reject(new EngineError('engine.timeout', `tesseract.js took longer than ${options.timeoutMs} ms`));
        }, options.timeoutMs);
      });
      try {
        const { data } = await Promise.race([worker.recognize(png), deadline]);
        return {
          text: data.text.replace(BIDI_MARKS, '').trim(),
          confidence: data.confidence / 100,
          languages: pack,
        };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      const pending = [...workers.values()];
      workers.clear();
      await Promise.all(pending.map(async (worker) => (await worker).terminate()));
    },
  };
}
