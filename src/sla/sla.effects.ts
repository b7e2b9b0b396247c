import type { DomainEvent } from '../events/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { newId } from '../kernel/index.ts';
import { insertNotifications, type NewNotification } from '../notifications/index.ts';
import { type Db, writeJson } from '../store/index.ts';
import { PRIORITIES } from '../tickets/index.ts';
import type { SlaSettings } from './sla.settings.ts';
import type { BreachAction, SlaPolicy } from './sla.types.ts';
import { slaWebhookJob } from './sla.webhook.ts';

/** A warning or breach the sweep has just claimed. */
export interface FiredTimer {
  kind: 'warning' | 'breach';
  id: string;
  ticket_id: string;
  policy_id: string;
  metric: string;
  due_at: number;
}

interface TicketRow {
  id: string;
  number: number;
  assignee_id: string | null;
  team_id: string | null;
  priority: string;
  tier: string;
}

const TIERS = ['L1', 'L2', 'L3'] as const;
const CHUNK = 500;
const SUPERVISOR_ROLES = ['supervisor', 'admin'];

type Snapshot = Awaited<ReturnType<SlaSettings['snapshot']>>;

/**
 * What a fired warning or breach does, in the sweep's transaction: a timeline event on the ticket, the
 * breach actions of its policy (once per ticket per sweep, whatever number of its metrics breached),
 * in-app notifications to the assignee and the team's supervisors, and the policy's webhook (outbox).
 */
export async function applyBreachEffects(
  db: Db,
  input: { fired: FiredTimer[]; now: number; settings: Snapshot; queue: JobQueue },
): Promise<DomainEvent[]> {
  const { fired, now, settings } = input;
  const tickets = await loadTickets(db, [...new Set(fired.map((f) => f.ticket_id))]);
  const timeline = fired.map((f) => {
    const policy = settings.policy(f.policy_id);
    return timelineRow(f.ticket_id, f.kind === 'warning' ? 'sla_warning' : 'sla_breached', now, {
      metric: f.metric,
      policyId: f.policy_id,
      policyName: policy?.name ?? null,
      dueAt: f.due_at,
    });
  });
  const recipients = await recipientsOf(db, fired, tickets, settings);
  timeline.push(...(await applyActions(db, fired, tickets, settings, now)));
  for (let i = 0; i < timeline.length; i += CHUNK) {
    await db
      .insertInto('ticket_events')
      .values(timeline.slice(i, i + CHUNK))
      .execute();
  }
  const notifications: NewNotification[] = fired.flatMap((f) =>
    (recipients.get(f.id) ?? []).map((userId) => ({
      id: newId(),
      userId,
      ticketId: f.ticket_id,
      kind: f.kind === 'warning' ? ('sla.warning' as const) : ('sla.breached' as const),
      data: {
        metric: f.metric,
        dueAt: f.due_at,
        ticketNumber: tickets.get(f.ticket_id)?.number ?? null,
        policyName: settings.policy(f.policy_id)?.name ?? null,
      },
    })),
  );
  await insertNotifications(db, notifications, now);
  for (const f of fired) {
    const url = settings.policy(f.policy_id)?.webhookUrl;
    if (url) {
      await input.queue.enqueue(
        slaWebhookJob,
        { url, body: webhookBody(f, tickets.get(f.ticket_id), now) },
        { db, dedupeKey: `sla.webhook:${f.id}:${f.kind}` },
      );
    }
  }
  return [
    ...[...tickets.keys()].map((ticketId) => ({ type: 'ticket.updated' as const, ticketId })),
    ...[...new Set(notifications.map((n) => n.userId))].map((userId) => ({
      type: 'notification.created' as const,
      userId,
    })),
  ];
}

function webhookBody(f: FiredTimer, ticket: TicketRow | undefined, now: number) {
  return {
    event: f.kind === 'warning' ? 'sla.warning' : 'sla.breached',
    ticketId: f.ticket_id,
    ticketNumber: ticket?.number ?? null,
    metric: f.metric,
    policyId: f.policy_id,
    dueAt: f.due_at,
    at: now,
  };
}

function timelineRow(ticketId: string, kind: string, now: number, data: Record<string, unknown>) {
  return {
    id: newId(),
    ticket_id: ticketId,
    kind,
    actor_type: 'system',
    actor_id: null,
    data: writeJson(data),
    created_at: now,
  };
}

async function loadTickets(db: Db, ids: string[]): Promise<Map<string, TicketRow>> {
  const map = new Map<string, TicketRow>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('tickets')
      .select(['id', 'number', 'assignee_id', 'team_id', 'priority', 'tier'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) {
      map.set(row.id, { ...row, number: Number(row.number) });
    }
  }
  return map;
}

/** Per fired timer: the assignee, the team's supervisors (all supervisors when neither), and notify actions. */
async function recipientsOf(
  db: Db,
  fired: FiredTimer[],
  tickets: Map<string, TicketRow>,
  settings: Snapshot,
): Promise<Map<string, string[]>> {
  const teamIds = [...new Set([...tickets.values()].flatMap((t) => (t.team_id ? [t.team_id] : [])))];
  const supervisors =
    teamIds.length === 0
      ? []
      : await db
          .selectFrom('team_members')
          .innerJoin('users', 'users.id', 'team_members.user_id')
          .select(['team_members.team_id', 'users.id'])
          .where('team_members.team_id', 'in', teamIds)
          .where('users.role', 'in', SUPERVISOR_ROLES)
          .where('users.disabled_at', 'is', null)
          .execute();
  let everySupervisor: string[] | undefined;
  const result = new Map<string, string[]>();
  for (const f of fired) {
    const ticket = tickets.get(f.ticket_id);
    const users = new Set<string>();
    if (ticket?.assignee_id) {
      users.add(ticket.assignee_id);
    }
    for (const s of supervisors.filter((s) => s.team_id === ticket?.team_id)) {
      users.add(s.id);
    }
    if (users.size === 0) {
      everySupervisor ??= (
        await db
          .selectFrom('users')
          .select('id')
          .where('role', 'in', SUPERVISOR_ROLES)
          .where('disabled_at', 'is', null)
          .execute()
      ).map((u) => u.id);
      for (const id of everySupervisor) {
        users.add(id);
      }
    }
    if (f.kind === 'breach') {
      for (const action of settings.policy(f.policy_id)?.actions ?? []) {
        if (action.kind === 'notify') {
          for (const id of action.userIds) {
            users.add(id);
          }
        }
      }
    }
    result.set(f.id, [...users]);
  }
  return result;
}

/** The breach actions, set-based: one UPDATE per column and new value, with their timeline events. */
async function applyActions(
  db: Db,
  fired: FiredTimer[],
  tickets: Map<string, TicketRow>,
  settings: Snapshot,
  now: number,
) {
  const perTicket = new Map<string, Set<BreachAction['kind']>>();
  for (const f of fired.filter((x) => x.kind === 'breach')) {
    const kinds = perTicket.get(f.ticket_id) ?? new Set();
    for (const action of settings.policy(f.policy_id)?.actions ?? ([] as SlaPolicy['actions'])) {
      kinds.add(action.kind);
    }
    perTicket.set(f.ticket_id, kinds);
  }
  const updates = new Map<string, string[]>();
  const events: ReturnType<typeof timelineRow>[] = [];
  const change = (ticketId: string, column: string, value: string | null, kind: string, from: unknown) => {
    const key = `${column}\u0000${value ?? ''}`;
    updates.set(key, [...(updates.get(key) ?? []), ticketId]);
    events.push(timelineRow(ticketId, kind, now, { from, to: value, cause: 'sla_breach' }));
  };
  for (const [ticketId, kinds] of perTicket) {
    const ticket = tickets.get(ticketId);
    if (!ticket) {
      continue;
    }
    const priority = PRIORITIES[PRIORITIES.indexOf(ticket.priority as never) + 1];
    if (kinds.has('raise_priority') && priority) {
      change(ticketId, 'priority', priority, 'priority_changed', ticket.priority);
    }
    const tier = TIERS[TIERS.indexOf(ticket.tier as never) + 1];
    if (kinds.has('escalate_tier') && tier) {
      change(ticketId, 'tier', tier, 'tier_changed', ticket.tier);
    }
    if (kinds.has('unassign') && ticket.assignee_id) {
      change(ticketId, 'assignee_id', null, 'assigned', ticket.assignee_id);
    }
  }
  for (const [key, ids] of updates) {
    const [column, value] = key.split('\u0000') as ['priority' | 'tier' | 'assignee_id', string];
    for (let i = 0; i < ids.length; i += CHUNK) {
      await db
        .updateTable('tickets')
        .set({ [column]: column === 'assignee_id' ? null : value, updated_at: now })
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
    }
  }
  return events;
}
