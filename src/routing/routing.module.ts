import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { EventBus } from '../events/index.ts';
import type { AnyJobDefinition, JobQueue } from '../jobs/index.ts';
import type { Clock, Logger } from '../kernel/index.ts';
import type { Reply } from '../outbound/index.ts';
import type { Database, Dialect } from '../store/index.ts';
import type { InboundHook } from '../tickets/index.ts';
import { assignWaiting } from './assignment/assign-waiting.ts';
import { createFlowsStore } from './flows/flows.repo.ts';
import { createRouteJob, createRuleCache, routeJob } from './routing.jobs.ts';
import { routingRoutes } from './routing.routes.ts';
import { createRulesStore } from './rules.repo.ts';

/** Message kinds that carry something to route (reactions, edits and notices do not). */
const ROUTED_KINDS = new Set(['text', 'media', 'location', 'contacts', 'interactive', 'button', 'order']);

export interface RoutingModuleOptions {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  events: EventBus;
  queue: JobQueue;
  logger: Logger;
  sendBot: (ticketId: string, reply: Reply) => Promise<void>;
  addNote: (ticketId: string, text: string) => Promise<void>;
}

export interface RoutingModule {
  inboundHook: InboundHook;
  jobs: AnyJobDefinition[];
  plugin: (app: FastifyInstance) => Promise<void>;
  /** In processes that run jobs: assign whenever a ticket changes (a solved ticket frees capacity). */
  start(): () => void;
}

export function createRoutingModule(options: RoutingModuleOptions): RoutingModule {
  const { db, queue, events, logger } = options;
  const compiled = createRuleCache(db);
  const assignSoon = coalesce(() => assignWaiting(options).then(() => undefined), logger);
  return {
    // Inside the ingest transaction: only enqueue (outbox); the rules run in the job.
    inboundHook: async (trx, { messageId, message }) => {
      if (ROUTED_KINDS.has(message.content.kind)) {
        await queue.enqueue(routeJob, { messageId }, { db: trx, dedupeKey: `routing.route:${messageId}` });
      }
    },
    jobs: [createRouteJob(options, compiled)],
    plugin: (app) =>
      routingRoutes(app, {
        ...options,
        rules: createRulesStore(options),
        flows: createFlowsStore(options),
        compiled,
        assignSoon,
      }),
    start: () =>
      events.subscribe((event) => {
        if (event.type === 'ticket.updated') {
          assignSoon();
        }
      }),
  };
}

/** Runs `task` now, or once more right after the run in progress; never two at once in this process. */
function coalesce(task: () => Promise<void>, logger: Logger): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    task()
      .catch((error: unknown) => logger.error({ err: error }, 'assignment failed'))
      .finally(() => {
        running = false;
        if (again) {
          run();
        }
      });
  };
  return run;
}
