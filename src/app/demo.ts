import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Clock, Logger } from '../kernel/index.ts';
import {
  createSimulator,
  type Simulator,
  simulatorCustomerPlugin,
  simulatorGraphPlugin,
} from '../simulator/index.ts';
import { DEMO_NUMBER, type DemoSecrets } from './data-dir.ts';

export interface Demo {
  secrets: DemoSecrets;
  simulator: Simulator;
  plugin: FastifyPluginAsync;
  /** Points the simulator at this server once its address is known. */
  connect(baseUrl: string): void;
  stop(): Promise<void>;
}

/**
 * Demo mode: the WhatsApp simulator runs inside the server and talks to the helpdesk exactly as Meta
 * would — signed webhooks to /webhooks/whatsapp, Graph API calls to /simulator/graph.
 */
export function createDemo(deps: {
  secrets: DemoSecrets;
  apiVersion: string;
  clock: Clock;
  logger: Logger;
  retryDelaysMs: number[] | undefined;
}): Demo {
  const simulator = createSimulator({
    webhookUrl: 'http://127.0.0.1:0/webhooks/whatsapp',
    appSecret: deps.secrets.appSecret,
    accessToken: deps.secrets.accessToken,
    ...DEMO_NUMBER,
    apiVersion: deps.apiVersion,
    clock: deps.clock,
    logger: deps.logger.child({ component: 'simulator' }),
    ...(deps.retryDelaysMs ? { retryDelaysMs: deps.retryDelaysMs } : {}),
  });
  return {
    secrets: deps.secrets,
    simulator,
    plugin: async (app: FastifyInstance) => {
      // biome-ignore lint/nursery/noMisusedPromises: Fastify plugins are async functions by design.
      await app.register(simulatorGraphPlugin, { prefix: '/simulator/graph', simulator });
      // biome-ignore lint/nursery/noMisusedPromises: Fastify plugins are async functions by design.
      await app.register(simulatorCustomerPlugin, { prefix: '/simulator/api', simulator });
    },
    connect(baseUrl) {
      simulator.setEndpoints({
        webhookUrl: `${baseUrl}/webhooks/whatsapp`,
        publicGraphUrl: `${baseUrl}/simulator/graph`,
      });
    },
    stop: () => simulator.stop(),
  };
}
