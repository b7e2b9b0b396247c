import type { Selectable } from 'kysely';
import { newId } from '../kernel/index.ts';
import { type Db, insertRow, type SlaTimersTable } from '../store/index.ts';
import { type BusinessCalendar, CALENDAR_TIME } from './engine/calendar.ts';
import { choosePolicy } from './engine/policy-match.ts';
import { deadlinesOf, pauseClock, resumeClock, type TimerClock } from './engine/timer.ts';
import { readTicketFacts } from './sla.facts.ts';
import type { SlaSettings } from './sla.settings.ts';
import type { SlaMetric, SlaPolicy, SlaPriority } from './sla.types.ts';

/** What moves SLA timers; each is applied inside the transaction that records it. */
export type SlaTicketEvent =
  | { kind: 'customer_message'; at: number }
  | { kind: 'reply'; authorType: 'agent' | 'bot'; at: number }
  | { kind: 'status_changed'; from: string; to: string; at: number }
  | { kind: 'priority_changed'; to: string; at: number };

type TimerRow = Selectable<SlaTimersTable>;

const RESPONSE_METRICS: readonly SlaMetric[] = ['firstResponse', 'nextResponse', 'periodicUpdate'];
const MINUTE = 60_000;

const clockOf = (row: TimerRow): TimerClock => ({
  targetMs: Number(row.target_ms),
  consumedMs: Number(row.consumed_ms),
  runningSince: row.running_since === null ? null : Number(row.running_since),
  pausedAt: row.paused_at === null ? null : Number(row.paused_at),
  pausedMs: Number(row.paused_ms),
});

/** The timer semantics of docs/sla.md: which ticket events start, pause, resume and stop which metric. */
export function createSlaTimers(deps: { settings: SlaSettings }) {
  async function apply(db: Db, ticketId: string, event: SlaTicketEvent): Promise<void> {
    const settings = await deps.settings.snapshot(db);
    // No policy, no timer (a policy with timers cannot be deleted): ingest pays nothing without SLAs.
    if (settings.policies.length === 0) {
      return;
    }
    const rows = await db.selectFrom('sla_timers').selectAll().where('ticket_id', '=', ticketId).execute();
    const open = rows.filter((r) => r.stopped_at === null);
    const latest = rows.reduce<TimerRow | undefined>((a, r) => (!a || r.id > a.id ? r : a), undefined);
    // A ticket keeps the policy chosen at its first customer message (docs/sla.md, "Choosing a policy").
    const pinned = latest ? settings.policy(latest.policy_id) : undefined;
    const ctx: Ctx = { db, ticketId, at: event.at, calendarFor: settings.calendarFor };

    switch (event.kind) {
      case 'customer_message': {
        await resumeAll(ctx, open, pinned);
        const policy =
          pinned ??
          (rows.length === 0 && settings.policies.some((p) => p.enabled)
            ? choosePolicy(settings.policies, await readTicketFacts(db, ticketId)).policy
            : null);
        if (!policy) {
          return;
        }
        const starts: SlaMetric[] = [];
        if (rows.length === 0) {
          starts.push('firstResponse', 'resolution');
        } else {
          if (!open.some((r) => r.metric === 'resolution')) {
            starts.push('resolution');
          }
          const waiting = open.some((r) => r.metric === 'firstResponse' || r.metric === 'nextResponse');
          if (!waiting && (await hasBeenAnswered(db, ticketId, rows))) {
            starts.push('nextResponse');
          }
        }
        await startMetrics(ctx, policy, starts);
        return;
      }
      case 'reply': {
        if (!pinned || (event.authorType === 'bot' && !pinned.countBotReplies)) {
          return;
        }
        for (const row of open.filter((r) => RESPONSE_METRICS.includes(r.metric as SlaMetric))) {
          await stop(ctx, row, 'achieved');
        }
        await startMetrics(ctx, pinned, ['periodicUpdate']);
        return;
      }
      case 'status_changed':
        return applyStatus(ctx, event, open, pinned);
      case 'priority_changed':
        return pinned ? retarget(ctx, open, pinned, event.to) : undefined;
    }
  }

  return { apply };
}

export type SlaTimers = ReturnType<typeof createSlaTimers>;

interface Ctx {
  db: Db;
  ticketId: string;
  at: number;
  calendarFor: (policy: SlaPolicy) => BusinessCalendar;
}

async function applyStatus(
  ctx: Ctx,
  event: Extract<SlaTicketEvent, { kind: 'status_changed' }>,
  open: TimerRow[],
  pinned: SlaPolicy | undefined,
): Promise<void> {
  if (event.to === 'pending') {
    for (const row of open.filter((r) => r.state === 'active')) {
      await pause(ctx, row, pinned);
    }
  } else if (event.to === 'solved' || event.to === 'closed') {
    for (const row of open) {
      await stop(ctx, row, row.metric === 'resolution' ? 'achieved' : 'cancelled');
    }
  } else {
    await resumeAll(ctx, open, pinned);
    if (event.from === 'solved' && pinned && !open.some((r) => r.metric === 'resolution')) {
      await startMetrics(ctx, pinned, ['resolution']);
    }
  }
}

/**
 * A new priority re-targets the running cycles that have a target at that priority (the working time
 * already used stands); breached ones stay breached, and a metric without a target keeps its old one.
 */
async function retarget(ctx: Ctx, open: TimerRow[], policy: SlaPolicy, priority: string): Promise<void> {
  const targets = policy.targets[priority as SlaPriority] ?? {};
  for (const row of open.filter((r) => r.state === 'active' || r.state === 'paused')) {
    const minutes = targets[row.metric as SlaMetric];
    if (minutes === undefined) {
      continue;
    }
    const clock = { ...clockOf(row), targetMs: minutes * MINUTE };
    const deadlines =
      clock.runningSince === null
        ? null
        : deadlinesOf(
            pauseClock(clock, ctx.at, ctx.calendarFor(policy)),
            ctx.at,
            row.warned_at === null ? policy.warnShare : null,
            ctx.calendarFor(policy),
          );
    await ctx.db
      .updateTable('sla_timers')
      .set({
        target_ms: clock.targetMs,
        due_at: deadlines?.dueAt ?? null,
        warn_at: deadlines?.warnAt ?? null,
      })
      .where('id', '=', row.id)
      .where('state', '=', row.state)
      .execute();
  }
}

async function hasBeenAnswered(db: Db, ticketId: string, rows: TimerRow[]): Promise<boolean> {
  if (rows.some((r) => r.metric === 'firstResponse' && r.state !== 'cancelled')) {
    return true;
  }
  const ticket = await db
    .selectFrom('tickets')
    .select('first_response_at')
    .where('id', '=', ticketId)
    .executeTakeFirst();
  return ticket?.first_response_at != null;
}

async function startMetrics(ctx: Ctx, policy: SlaPolicy, metrics: SlaMetric[]): Promise<void> {
  if (metrics.length === 0) {
    return;
  }
  const ticket = await ctx.db
    .selectFrom('tickets')
    .select(['priority', 'status'])
    .where('id', '=', ctx.ticketId)
    .executeTakeFirstOrThrow();
  const targets = policy.targets[ticket.priority as SlaPriority] ?? {};
  const paused = ticket.status === 'pending';
  const calendar = ctx.calendarFor(policy);
  for (const metric of metrics) {
    const minutes = targets[metric];
    if (minutes === undefined) {
      continue;
    }
    const targetMs = minutes * MINUTE;
    const deadlines = paused
      ? null
      : deadlinesOf({ targetMs, consumedMs: 0 }, ctx.at, policy.warnShare, calendar);
    await insertRow(
      ctx.db,
      'sla_timers',
      {
        id: newId(),
        ticket_id: ctx.ticketId,
        policy_id: policy.id,
        metric,
        state: paused ? 'paused' : 'active',
        target_ms: targetMs,
        started_at: ctx.at,
        consumed_ms: 0,
        running_since: paused ? null : ctx.at,
        paused_at: paused ? ctx.at : null,
        paused_ms: 0,
        due_at: deadlines?.dueAt ?? null,
        warn_at: deadlines?.warnAt ?? null,
        warned_at: null,
        breached_at: null,
        stopped_at: null,
      },
      // Another delivery already started this metric: the running one stands.
      'ignore',
    );
  }
}

async function pause(ctx: Ctx, row: TimerRow, policy: SlaPolicy | undefined): Promise<void> {
  const clock = pauseClock(clockOf(row), ctx.at, policy ? ctx.calendarFor(policy) : CALENDAR_TIME);
  await ctx.db
    .updateTable('sla_timers')
    .set({ state: 'paused', consumed_ms: clock.consumedMs, running_since: null, paused_at: ctx.at })
    .where('id', '=', row.id)
    .where('state', '=', 'active')
    .execute();
}

async function resumeAll(ctx: Ctx, open: TimerRow[], policy: SlaPolicy | undefined): Promise<void> {
  for (const row of open.filter((r) => r.state === 'paused')) {
    const clock = resumeClock(clockOf(row), ctx.at);
    const deadlines = deadlinesOf(
      clock,
      ctx.at,
      row.warned_at === null ? (policy?.warnShare ?? null) : null,
      policy ? ctx.calendarFor(policy) : CALENDAR_TIME,
    );
    await ctx.db
      .updateTable('sla_timers')
      .set({
        state: 'active',
        running_since: ctx.at,
        paused_at: null,
        paused_ms: clock.pausedMs,
        due_at: deadlines.dueAt,
        warn_at: deadlines.warnAt,
      })
      .where('id', '=', row.id)
      .where('state', '=', 'paused')
      .execute();
  }
}

/**
 * Decided in SQL, against the row as it is now: a breach the sweep recorded meanwhile stands, and a
 * running timer already past due when stopped counts as breached (at its due time) even if the sweep
 * has not seen it yet.
 */
async function stop(ctx: Ctx, row: TimerRow, outcome: 'achieved' | 'cancelled'): Promise<void> {
  await ctx.db
    .updateTable('sla_timers')
    .set((eb) => {
      const late = eb.or([
        eb('state', '=', 'breached'),
        eb.and([eb('state', '=', 'active'), eb('due_at', '<=', ctx.at)]),
      ]);
      return {
        state: eb.case().when(late).then('breached').else(outcome).end(),
        breached_at: eb.case().when(late).then(eb.fn.coalesce('breached_at', 'due_at')).else(null).end(),
        stopped_at: ctx.at,
        running_since: null,
      };
    })
    .where('id', '=', row.id)
    .where('stopped_at', 'is', null)
    .execute();
}
