import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MediaError } from './media.types.ts';

export interface ToolRun {
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs a system tool with a hard timeout (SIGKILL) and a cap on what it may print: a hostile file can
 * make a decoder slow or chatty, never hang a worker or fill its memory.
 */
export function runTool(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; maxStdoutBytes: number; onStdout?: (chunk: Buffer) => void },
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let length = 0;
    let stderr = '';
    let failure: MediaError | undefined;
    const timer = setTimeout(() => {
      failure = new MediaError(
        'media.tool_timeout',
        `${path.basename(command)} took longer than ${options.timeoutMs} ms.`,
      );
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (options.onStdout) {
        options.onStdout(chunk);
        return;
      }
      length += chunk.length;
      if (length > options.maxStdoutBytes) {
        failure = new MediaError(
          'media.tool_output_too_large',
          `${path.basename(command)} produced too much output.`,
        );
        child.kill('SIGKILL');
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new MediaError('media.tool_missing', `${command} could not run: ${error.message}`, { cause: error }),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) {
        reject(failure);
      } else if (code !== 0) {
        reject(
          new MediaError(
            'media.corrupt',
            `${path.basename(command)} could not read the file: ${stderr.trim().split('\n').pop() ?? code}`,
          ),
        );
      } else {
        resolve({ stdout: Buffer.concat(chunks), stderr });
      }
    });
  });
}

const TOOL_DIRS = ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin', '/bin'];
const resolved = new Map<string, string | undefined>();

/** The absolute path of a system tool (ffmpeg, ffprobe, pdftoppm, pdfinfo), or undefined when absent. */
export function findTool(name: string): string | undefined {
  if (!resolved.has(name)) {
    resolved.set(
      name,
      TOOL_DIRS.map((dir) => path.join(dir, name)).find((candidate) => fs.existsSync(candidate)),
    );
  }
  return resolved.get(name);
}

/**
 * Tools that need to seek (MP4 with its index at the end, PDF) get the decrypted file in a private temp
 * directory: tmpfs (/dev/shm, memory) when the machine has it, else the OS temp dir; mode 0700/0600, and
 * removed as soon as the tool is done, whatever happens. This is the only place plaintext media can touch
 * a file system, and only for the seconds a preview takes.
 */
export async function withPrivateFile<T>(
  source: Readable,
  extension: string,
  use: (file: string) => Promise<T>,
): Promise<T> {
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dir = await fs.promises.mkdtemp(path.join(base, 'sightline-media-'));
  await fs.promises.chmod(dir, 0o700);
  const file = path.join(dir, `source${extension}`);
  try {
    await pipeline(source, fs.createWriteStream(file, { mode: 0o600, flags: 'wx' }));
    return await use(file);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
