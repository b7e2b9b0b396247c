import { type Kysely, sql } from 'kysely';
import { type TicketViewer, visibleTickets } from '../auth/index.ts';
import type { Database } from '../store/index.ts';
import type { SlaMetric, TimerState } from './sla.types.ts';

export interface TimerView {
  id: string;
  ticketId: string;
  policyId: string;
  metric: SlaMetric;
  state: TimerState;
  startedAt: number;
  targetMs: number;
  dueAt: number | null;
  warnAt: number | null;
  warnedAt: number | null;
  breachedAt: number | null;
  stoppedAt: number | null;
  /** Working time left when paused (the countdown is frozen). */
  remainingMs: number | null;
}

export interface QueueEntry extends TimerView {
  ticketNumber: number;
  status: string;
  priority: string;
  assigneeId: string | null;
  teamId: string | null;
  preview: string | null;
}

const num = (v: number | null) => (v === null ? null : Number(v));

function timerColumns(db: Kysely<Database>) {
  return db
    .selectFrom('sla_timers as t')
    .select([
      't.id',
      't.ticket_id',
      't.policy_id',
      't.metric',
      't.state',
      't.started_at',
      't.target_ms',
      't.consumed_ms',
      't.due_at',
      't.warn_at',
      't.warned_at',
      't.breached_at',
      't.stopped_at',
    ]);
}

type TimerRow = Awaited<ReturnType<ReturnType<typeof timerColumns>['execute']>>[number];

function toTimerView(r: TimerRow): TimerView {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    policyId: r.policy_id,
    metric: r.metric as SlaMetric,
    state: r.state as TimerState,
    startedAt: Number(r.started_at),
    targetMs: Number(r.target_ms),
    dueAt: num(r.due_at),
    warnAt: num(r.warn_at),
    warnedAt: num(r.warned_at),
    breachedAt: num(r.breached_at),
    stoppedAt: num(r.stopped_at),
    remainingMs: r.state === 'paused' ? Number(r.target_ms) - Number(r.consumed_ms) : null,
  };
}

/** Running timers (not stopped) of these tickets: the badges' data. */
export async function listRunningTimers(
  db: Kysely<Database>,
  viewer: TicketViewer,
  ticketIds: string[],
): Promise<TimerView[]> {
  if (ticketIds.length === 0) {
    return [];
  }
  const rows = await timerColumns(db)
    .innerJoin('tickets', 'tickets.id', 't.ticket_id')
    .where(visibleTickets(viewer))
    .where('t.ticket_id', 'in', ticketIds)
    .where('t.stopped_at', 'is', null)
    .execute();
  return rows.map(toTimerView);
}

export async function listTicketTimers(db: Kysely<Database>, ticketId: string): Promise<TimerView[]> {
  return (await timerColumns(db).where('t.ticket_id', '=', ticketId).orderBy('t.id').execute()).map(
    toTimerView,
  );
}

/**
 * At risk: running timers past their warning point, soonest breach first. Breached: breached timers
 * still owed (not yet stopped by the response or resolution), longest overdue first.
 */
export async function listQueue(
  db: Kysely<Database>,
  viewer: TicketViewer,
  which: 'at-risk' | 'breached',
  now: number,
  limit: number,
): Promise<QueueEntry[]> {
  let query = timerColumns(db)
    .innerJoin('tickets', 'tickets.id', 't.ticket_id')
    .where(visibleTickets(viewer))
    .select([
      'tickets.number',
      'tickets.status',
      'tickets.priority',
      'tickets.assignee_id',
      'tickets.team_id',
      'tickets.last_message_preview',
    ]);
  query =
    which === 'at-risk'
      ? query.where(sql<boolean>`t.state = 'active'`).where('t.warn_at', '<=', now)
      : query.where('t.state', '=', 'breached').where('t.stopped_at', 'is', null);
  const rows = await query.orderBy('t.due_at').orderBy('t.id').limit(limit).execute();
  return rows.map((r) => ({
    ...toTimerView(r),
    ticketNumber: Number(r.number),
    status: r.status,
    priority: r.priority,
    assigneeId: r.assignee_id,
    teamId: r.team_id,
    preview: r.last_message_preview,
  }));
}

export interface ComplianceRow {
  key: string | null;
  name: string | null;
  metric: SlaMetric;
  achieved: number;
  breached: number;
  inProgress: number;
  /** achieved / (achieved + breached); null when none finished. */
  rate: number | null;
}

/**
 * Timers started in [from, to), by policy, team or agent (the ticket's current team and assignee) and
 * metric. Cancelled timers (a response no longer owed because the ticket was solved) are left out.
 */
export async function computeCompliance(
  db: Kysely<Database>,
  query: { from: number; to: number; groupBy: 'policy' | 'team' | 'agent' },
): Promise<ComplianceRow[]> {
  const base = db
    .selectFrom('sla_timers as t')
    .innerJoin('tickets', 'tickets.id', 't.ticket_id')
    .where('t.started_at', '>=', query.from)
    .where('t.started_at', '<', query.to)
    .where('t.state', '!=', 'cancelled');
  const grouped =
    query.groupBy === 'policy'
      ? base
          .leftJoin('sla_policies as g', 'g.id', 't.policy_id')
          .select(['t.policy_id as key', 'g.name as name'])
      : query.groupBy === 'team'
        ? base
            .leftJoin('teams as g', 'g.id', 'tickets.team_id')
            .select(['tickets.team_id as key', 'g.name as name'])
        : base
            .leftJoin('users as g', 'g.id', 'tickets.assignee_id')
            .select(['tickets.assignee_id as key', 'g.name as name']);
  const rows = await grouped
    .select(['t.metric', 't.state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['key', 'name', 't.metric', 't.state'])
    .execute();
  const result = new Map<string, ComplianceRow>();
  for (const row of rows) {
    const id = `${row.key ?? ''}\u0000${row.metric}`;
    const entry = result.get(id) ?? {
      key: row.key,
      name: row.name,
      metric: row.metric as SlaMetric,
      achieved: 0,
      breached: 0,
      inProgress: 0,
      rate: null,
    };
    const n = Number(row.n);
    if (row.state === 'achieved') {
      entry.achieved += n;
    } else if (row.state === 'breached') {
      entry.breached += n;
    } else {
      entry.inProgress += n;
    }
    const finished = entry.achieved + entry.breached;
    entry.rate = finished === 0 ? null : entry.achieved / finished;
    result.set(id, entry);
  }
  return [...result.values()].sort(
    (a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.metric.localeCompare(b.metric),
  );
}
