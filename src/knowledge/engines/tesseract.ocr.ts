import { type OcrEngine, packsFor, parseTesseractTsv, prepareForOcr } from './ocr.engine.ts';
import { runWithInput } from './run-with-input.ts';

/** The native `tesseract` command (Debian's tesseract-ocr with its language packs): image on stdin, TSV out. */
export function createTesseractOcr(command: string): OcrEngine {
  let installed: Promise<Set<string>> | undefined;
  const listPacks = async () =>
    new Set(
      (await runWithInput(command, ['--list-langs'], null, { timeoutMs: 10_000 }))
        .toString('utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.trim())
        .filter(Boolean),
    );
  return {
    name: 'tesseract',
    async recognize(image, options) {
      installed ??= listPacks();
      const packs = packsFor(options.languages, await installed).join('+') || 'eng';
      const png = await prepareForOcr(image);
      // One thread: the worker runs jobs side by side on a small machine; OpenMP threads would fight them.
      const tsv = await runWithInput(command, ['stdin', 'stdout', '-l', packs, '--psm', '3', 'tsv'], png, {
        timeoutMs: options.timeoutMs,
        env: { OMP_THREAD_LIMIT: '1' },
      });
      return { ...parseTesseractTsv(tsv.toString('utf8')), languages: packs };
    },
    async close() {},
  };
}
