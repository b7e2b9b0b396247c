import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { EventBus } from '../events/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Database, Db, Dialect } from '../store/index.ts';
import type { InboundHook, TicketChange } from '../tickets/index.ts';
import { slaRoutes } from './sla.routes.ts';
import { createSlaSettings } from './sla.settings.ts';
import { createSlaSweepJob, slaSweepJob } from './sla.sweep.ts';
import { createSlaTimers } from './sla.timers.ts';
import { createSlaWebhookJob } from './sla.webhook.ts';

const FOLLOW_UPS = new Set(['reaction', 'edit', 'revoke', 'system']);

/** The sweep runs this often; an overdue warning or breach fires within one interval (also after a restart). */
export const SLA_SWEEP_EVERY_MS = 30_000;

/** Everything the composition root wires: hooks for the paths that move timers, routes, jobs. */
export function createSlaModule(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  events: EventBus;
  queue: JobQueue;
}) {
  const settings = createSlaSettings(deps);
  const timers = createSlaTimers({ settings });
  const sweep = createSlaSweepJob({ ...deps, settings });

  const inboundHook: InboundHook = async (db, { ticketId, message }) => {
    // Reactions, edits, deletions and system notices refer to earlier messages: nobody waits on them.
    if (FOLLOW_UPS.has(message.content.kind)) {
      return;
    }
    await timers.apply(db, ticketId, { kind: 'customer_message', at: deps.clock.now() });
  };

  return {
    settings,
    inboundHook,
    /** Call inside the reply's transaction. */
    onReplied: (db: Db, ticketId: string, authorType: string) =>
      authorType === 'agent' || authorType === 'bot'
        ? timers.apply(db, ticketId, { kind: 'reply', authorType, at: deps.clock.now() })
        : Promise.resolve(),
    /** Call inside the transaction of an agent's status or priority change. */
    onTicketChanged: async (db: Db, ticketId: string, change: TicketChange) => {
      const at = deps.clock.now();
      if (change.priority) {
        await timers.apply(db, ticketId, { kind: 'priority_changed', to: change.priority.to, at });
      }
      if (change.status) {
        await timers.apply(db, ticketId, { kind: 'status_changed', ...change.status, at });
      }
    },
    plugin: async (app: FastifyInstance) => slaRoutes(app, { db: deps.db, clock: deps.clock, settings }),
    jobs: [sweep, createSlaWebhookJob()],
    sweepJob: slaSweepJob,
    sweep: sweep.sweep,
  };
}

export type SlaModule = ReturnType<typeof createSlaModule>;
