import { execFile } from 'node:child_process';
import path from 'node:path';

/** A tool that failed, timed out or is missing, with a stable reason for the stored state. */
export class EngineError extends Error {
  readonly reason: 'engine.timeout' | 'engine.failed';
  constructor(reason: 'engine.timeout' | 'engine.failed', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.reason = reason;
  }
}

/** Runs a tool with bytes on stdin, a hard timeout (SIGKILL) and a cap on its output; resolves with stdout. */
export function runWithInput(
  command: string,
  args: readonly string[],
  input: Buffer | null,
  options: { timeoutMs: number; maxOutputBytes?: number; env?: Record<string, string> },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      {
        encoding: 'buffer',
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        ...(options.env ? { env: options.env } : {}),
        maxBuffer: options.maxOutputBytes ?? 4 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const timedOut = error.killed || error.signal === 'SIGKILL';
        reject(
          new EngineError(
            timedOut ? 'engine.timeout' : 'engine.failed',
            timedOut
              ? `${path.basename(command)} took longer than ${options.timeoutMs} ms`
              : `${path.basename(command)} failed: ${String(stderr).trim().split('\n').pop() ?? error.message}`,
            { cause: error },
          ),
        );
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(input ?? undefined);
  });
}
