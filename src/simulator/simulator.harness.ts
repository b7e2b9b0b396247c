/**
 * Test support (not a test): a fake helpdesk webhook receiver that verifies signatures over the raw
 * bytes, and a Fastify server running the simulator's plugins on 127.0.0.1:0.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { createManualClock, type ManualClock } from '../kernel/index.ts';
import { simulatorCustomerPlugin } from './customer-api.routes.ts';
import { simulatorGraphPlugin } from './graph-api.routes.ts';
import { createSimulator, type Simulator } from './simulator.ts';
import type { SimulatorOptions } from './simulator.types.ts';

export interface ReceivedWebhook {
  raw: Buffer;
  body: unknown;
  signature: string | undefined;
  isSignatureValid: boolean;
  answeredStatus: number;
}

export interface FakeHelpdesk {
  url: string;
  received: ReceivedWebhook[];
  /** Status codes for the next requests, in order; afterwards 200 (or 401 on a bad signature). */
  queueResponses(...statuses: number[]): void;
  close(): Promise<void>;
}

function readRaw(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function verifySignature(appSecret: string, raw: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) {
    return false;
  }
  const expected = createHmac('sha256', appSecret).update(raw).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startFakeHelpdesk(appSecret: string): Promise<FakeHelpdesk> {
  const received: ReceivedWebhook[] = [];
  const queued: number[] = [];
  const server = createServer((request, response) => {
    readRaw(request)
      .then((raw) => {
        const signature = request.headers['x-hub-signature-256'];
        const header = Array.isArray(signature) ? signature[0] : signature;
        const isSignatureValid = verifySignature(appSecret, raw, header);
        const answeredStatus = queued.shift() ?? (isSignatureValid ? 200 : 401);
        received.push({ raw, body: parseJson(raw), signature: header, isSignatureValid, answeredStatus });
        response.writeHead(answeredStatus).end();
      })
      .catch(() => response.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    received,
    queueResponses: (...statuses) => queued.push(...statuses),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SimulatorHarness {
  simulator: Simulator;
  helpdesk: FakeHelpdesk;
  clock: ManualClock;
  app: FastifyInstance;
  /** `http://127.0.0.1:port/simulator/graph` (what WHATSAPP_GRAPH_URL would be). */
  graphUrl: string;
  apiUrl: string;
  auth: { authorization: string };
  close(): Promise<void>;
}

export const TEST_CONFIG = {
  appSecret: 'test-app-secret',
  accessToken: 'test-access-token',
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '15550783881',
  wabaId: '102290129340398',
  apiVersion: 'v25.0',
} as const;

export async function startSimulatorHarness(
  overrides: Partial<SimulatorOptions> = {},
): Promise<SimulatorHarness> {
  const helpdesk = await startFakeHelpdesk(TEST_CONFIG.appSecret);
  const clock = createManualClock();
  const simulator = createSimulator({
    ...TEST_CONFIG,
    webhookUrl: helpdesk.url,
    clock,
    retryDelaysMs: [20, 40],
    statusDelayMs: 5,
    ...overrides,
  });
  const app = Fastify({ forceCloseConnections: true });
  // biome-ignore lint/nursery/noMisusedPromises: Fastify plugins are async functions by design.
  await app.register(simulatorGraphPlugin, { prefix: '/simulator/graph', simulator });
  // biome-ignore lint/nursery/noMisusedPromises: Fastify plugins are async functions by design.
  await app.register(simulatorCustomerPlugin, { prefix: '/simulator/api', simulator });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const graphUrl = `${address}/simulator/graph`;
  simulator.setEndpoints({ publicGraphUrl: graphUrl });
  return {
    simulator,
    helpdesk,
    clock,
    app,
    graphUrl,
    apiUrl: `${address}/simulator/api`,
    auth: { authorization: `Bearer ${TEST_CONFIG.accessToken}` },
    close: async () => {
      simulator.close();
      await app.close();
      await helpdesk.close();
    },
  };
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('waitFor timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
