import { findTool } from '../../media/index.ts';
import type { OcrEngine } from './ocr.engine.ts';
import { createTesseractOcr } from './tesseract.ocr.ts';
import { createTesseractJsOcr } from './tesseract-js.ocr.ts';

export type { OcrEngine, OcrResult } from './ocr.engine.ts';
export { EngineError } from './run-with-input.ts';
export {
  createPocketsphinxTranscriber,
  findTranscriber,
  type Transcriber,
  type Transcript,
} from './transcriber.ts';
export { createTesseractJsOcr, createTesseractOcr };

/** The native `tesseract` when installed (about three times more accurate here), else tesseract.js. */
export function selectOcrEngine(): OcrEngine {
  const command = findTool('tesseract');
  return command ? createTesseractOcr(command) : createTesseractJsOcr();
}
