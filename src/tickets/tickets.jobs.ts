import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { EventBus } from '../events/index.ts';
import { DEFAULT_RETRY, defineJobSpec, type JobDefinition } from '../jobs/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { insertTicketEvent } from './tickets.repo.ts';
import { SYSTEM_ACTOR } from './tickets.types.ts';

const BATCH = 500;

export const autoCloseJob = defineJobSpec({
  name: 'tickets.auto-close',
  schema: z.object({}).strict(),
  retry: DEFAULT_RETRY,
});

/**
 * Solved tickets close on their own after `autoCloseMs` without a customer reply (a later message then
 * opens a new ticket). Idempotent: only tickets still solved and old enough change.
 */
export function createAutoCloseJob(deps: {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  autoCloseMs: number;
}): JobDefinition<Record<string, never>> {
  return {
    ...autoCloseJob,
    handler: async () => {
      const now = deps.clock.now();
      for (;;) {
        const closed = await deps.db.transaction().execute(async (trx) => {
          const due = trx
            .selectFrom('tickets')
            .select('id')
            .where('status', '=', 'solved')
            .where('solved_at', '<=', now - deps.autoCloseMs)
            .limit(BATCH);
          // One conditional UPDATE: a concurrent run (several workers) re-checks `status` under the row
          // lock and skips what another already closed, so each ticket is closed and recorded once.
          const rows = await trx
            .updateTable('tickets')
            .set({ status: 'closed', closed_at: now, updated_at: now })
            .where('id', 'in', due)
            .where('status', '=', 'solved')
            .returning('id')
            .execute();
          for (const { id } of rows) {
            await insertTicketEvent(
              trx,
              id,
              'status_changed',
              SYSTEM_ACTOR,
              { from: 'solved', to: 'closed', cause: 'auto_close' },
              now,
            );
          }
          return rows.map((row) => row.id);
        });
        await deps.events.publish(closed.map((ticketId) => ({ type: 'ticket.updated' as const, ticketId })));
        if (closed.length < BATCH) {
          return;
        }
      }
    },
  };
}
