import type { Readable } from 'node:stream';
import type { StoredMediaSource } from '../media/index.ts';
import type { Analyser, AnalysisConfig } from './analysis.config.ts';
import type { MediaAnalysisResult } from './analysis.types.ts';
import { withBudget } from './budget.ts';
import { analyseImage } from './image.analyse.ts';
import { analyseVideo } from './video.analyse.ts';
import { analyseVoice } from './voice.analyse.ts';

/** Pictures larger than this are not analysed (WhatsApp caps images at 5 MB). */
const MAX_IMAGE_BYTES = 16 * 1024 * 1024;

/** Dispatches on the media kind; undefined for what is not analysed (documents, stickers). */
export async function analyseMedia(
  source: StoredMediaSource,
  config: AnalysisConfig,
): Promise<MediaAnalysisResult | undefined> {
  switch (source.kind) {
    case 'image': {
      if (!source.mime.startsWith('image/') || source.size > MAX_IMAGE_BYTES) {
        return undefined;
      }
      return analyseImage(
        { bytes: await readAll(await source.open()), receivedAt: source.receivedAt },
        config,
      );
    }
    case 'video':
      return budgeted('video', config, (ms) => analyseVideo(() => source.open(), config, ms));
    case 'audio':
      return budgeted('voice', config, (ms) => analyseVoice(() => source.open(), config.quality, ms));
    default:
      return undefined;
  }
}

/** A whole-file analyser under its budget; over it, the result is `timeout` with nothing else. */
async function budgeted(
  analyser: Analyser,
  config: AnalysisConfig,
  work: (timeoutMs: number) => Promise<MediaAnalysisResult>,
): Promise<MediaAnalysisResult | undefined> {
  if (!config.enabled[analyser]) {
    return undefined;
  }
  const budget = config.budgetMs[analyser];
  const outcome = await withBudget(budget, () => work(budget));
  return outcome.ok
    ? outcome.value
    : {
        verdict: 'unknown',
        flags: ['timeout'],
        reasons: [],
        scores: { timedOut: [analyser] },
        phash: null,
        exif: null,
      };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
