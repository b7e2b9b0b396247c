import { Readable } from 'node:stream';
import { findTool, withPrivateFile } from '../../media/index.ts';
import { runWithInput } from './run-with-input.ts';

export interface Transcript {
  text: string;
}

/** Speech to text, locally. */
export interface Transcriber {
  readonly name: string;
  /** ISO 639-1 codes the model understands. */
  readonly languages: readonly string[];
  transcribe(audio: Buffer, options: { timeoutMs: number }): Promise<Transcript>;
}

/**
 * Debian's pocketsphinx with its US English model (the only one that installs without downloading
 * weights; weak on real voices, measured by `npm run eval:knowledge`). The voice note is converted to
 * 16 kHz mono WAV by ffmpeg first.
 */
export function createPocketsphinxTranscriber(commands: {
  pocketsphinx: string;
  ffmpeg: string;
}): Transcriber {
  return {
    name: 'pocketsphinx',
    languages: ['en'],
    async transcribe(audio, options) {
      const started = Date.now();
      const wav = await runWithInput(
        commands.ffmpeg,
        ['-loglevel', 'error', '-i', 'pipe:0', '-ar', '16000', '-ac', '1', '-f', 'wav', 'pipe:1'],
        audio,
        { timeoutMs: options.timeoutMs, maxOutputBytes: 64 * 1024 * 1024 },
      );
      const remaining = Math.max(1_000, options.timeoutMs - (Date.now() - started));
      const text = await withPrivateFile(Readable.from([wav]), '.wav', (file) =>
        runWithInput(commands.pocketsphinx, ['-infile', file, '-logfn', '/dev/null'], null, {
          timeoutMs: remaining,
        }),
      );
      return { text: text.toString('utf8').replace(/\s+/g, ' ').trim() };
    },
  };
}

/** The installed engine, or undefined (the media then gets a `no_engine` state). */
export function findTranscriber(): Transcriber | undefined {
  const pocketsphinx = findTool('pocketsphinx_continuous');
  const ffmpeg = findTool('ffmpeg');
  return pocketsphinx && ffmpeg ? createPocketsphinxTranscriber({ pocketsphinx, ffmpeg }) : undefined;
}
