import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureFirstAdmin } from '../../src/app/bootstrap.ts';
import { createRuntime, type Role, type Runtime, type RuntimeOptions } from '../../src/app/runtime.ts';
import { loadConfig } from '../../src/config/index.ts';
import { type Clock, silentLogger } from '../../src/kernel/index.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { openTestStore, type TestDialect, type TestStore } from './databases.ts';

export interface TestServer {
  runtime: Runtime;
  store: TestStore;
  url: string;
  simulator: Simulator;
  token: string;
  /** JSON request to the API as an admin token holder. */
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  clock?: Clock;
  role?: Role;
  env?: Record<string, string>;
  /** Reuse a database (e.g. to restart after a simulated crash). */
  store?: TestStore;
  dataDir?: string;
  /** Media timing and retries; tests default to fast ones. */
  media?: RuntimeOptions['media'];
  /** Analysers, budgets and thresholds. */
  analysis?: RuntimeOptions['analysis'];
  /** OCR and speech engines (default: the installed ones). */
  knowledge?: RuntimeOptions['knowledge'];
}

/**
 * Analysis without the bot's re-shoot guidance: for tests that count messages exactly, since the small
 * fixture photos would otherwise get a guidance message at a moment the test cannot predict.
 */
export const QUIET_ANALYSIS: RuntimeOptions['analysis'] = { enabled: { guidance: false } };

const BOOTSTRAP_TOKEN = 'test-bootstrap-token-0123456789';
/** A fixed key for tests (never a real deployment's). */
export const TEST_MASTER_KEY = '5e'.repeat(32);

/** The real server in demo mode (simulator inside) on a random port, over a fresh test database. */
export async function startTestServer(
  dialect: TestDialect,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-test-'));
  const store = options.store ?? (await openTestStore(dialect));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SIGHTLINE_BOOTSTRAP_TOKEN: BOOTSTRAP_TOKEN,
    SIGHTLINE_MASTER_KEY: TEST_MASTER_KEY,
    ...(dialect === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL } : {}),
    ...options.env,
  });
  const runtime = await createRuntime({
    config,
    logger: silentLogger,
    role: options.role ?? 'all',
    store,
    ...(options.clock ? { clock: options.clock } : {}),
    simulatorRetryDelaysMs: [50, 100, 200, 400],
    media: options.media ?? {
      fetchRetry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 },
      timing: { headersTimeoutMs: 1_500, idleTimeoutMs: 1_500 },
    },
    ...(options.analysis ? { analysis: options.analysis } : {}),
    ...(options.knowledge ? { knowledge: options.knowledge } : {}),
  });
  await ensureFirstAdmin(runtime.auth, config, runtime.demo?.secrets);
  const url = await runtime.start();
  const api = async <T>(
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${BOOTSTRAP_TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T,
    };
  };
  return {
    runtime,
    store,
    url,
    simulator: runtime.demo!.simulator,
    token: BOOTSTRAP_TOKEN,
    api,
    async close() {
      await runtime.stop();
      if (!options.store) {
        await store.cleanup();
      }
    },
  };
}

/** Polls until `check` returns a value that is not undefined/false (or throws after the timeout). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
