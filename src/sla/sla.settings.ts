import type { Kysely } from 'kysely';
import { AppError, type Clock, invalidInput, newId, notFound } from '../kernel/index.ts';
import type { Database, Db } from '../store/index.ts';
import { type BusinessCalendar, CALENDAR_TIME, compileCalendar } from './engine/calendar.ts';
import { findUnreachable } from './engine/policy-match.ts';
import { findCalendar, listCalendars, listPolicies, saveCalendar, savePolicy } from './sla.repo.ts';
import type { CalendarInput, PolicyInput } from './sla.schemas.ts';
import type { SlaCalendar, SlaPolicy } from './sla.types.ts';

/** Policies are re-read at most this often by other processes (a change here is seen at once). */
const POLICY_TTL_MS = 5_000;

/**
 * Policies and calendars: validated writes, and a read cache shared by the timers and the sweep.
 * Calendars compile once per version (the zone's offset changes are read from Intl then).
 */
export function createSlaSettings(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  let cached: { at: number; policies: SlaPolicy[]; calendars: Map<string, SlaCalendar> } | undefined;
  const compiled = new Map<string, { updatedAt: number; calendar: BusinessCalendar }>();

  /** Reads through the given handle: inside a transaction, SQLite has no second connection to use. */
  async function load(handle: Db) {
    if (!cached || clock.now() - cached.at > POLICY_TTL_MS || clock.now() < cached.at) {
      const [policies, calendars] = await Promise.all([listPolicies(handle), listCalendars(handle)]);
      cached = { at: clock.now(), policies, calendars: new Map(calendars.map((c) => [c.id, c])) };
    }
    return cached;
  }

  function calendarOf(policy: SlaPolicy, calendars: Map<string, SlaCalendar>): BusinessCalendar {
    const spec = policy.calendarId ? calendars.get(policy.calendarId) : undefined;
    if (!spec) {
      return CALENDAR_TIME;
    }
    const hit = compiled.get(spec.id);
    if (hit && hit.updatedAt === spec.updatedAt) {
      return hit.calendar;
    }
    const calendar = compileCalendar({
      timeZone: spec.timeZone,
      hours: spec.hours,
      holidays: spec.holidays.map((h) => h.date),
    });
    compiled.set(spec.id, { updatedAt: spec.updatedAt, calendar });
    return calendar;
  }

  async function snapshot(handle: Db = db) {
    const loaded = await load(handle);
    return {
      policies: loaded.policies,
      policy: (id: string) => loaded.policies.find((p) => p.id === id),
      calendarFor: (policy: SlaPolicy) => calendarOf(policy, loaded.calendars),
    };
  }

  async function putCalendar(id: string | undefined, input: CalendarInput): Promise<SlaCalendar> {
    if (id && !(await findCalendar(db, id))) {
      throw notFound('calendar', id);
    }
    // Compiling refuses what cannot be computed (e.g. no working time left after merging).
    compileCalendar({ timeZone: input.timeZone, hours: input.hours, holidays: [] });
    const calendarId = id ?? newId();
    await saveCalendar(db, calendarId, input, clock.now());
    cached = undefined;
    return (await findCalendar(db, calendarId))!;
  }

  async function deleteCalendar(id: string): Promise<void> {
    const user = await db
      .selectFrom('sla_policies')
      .select('name')
      .where('calendar_id', '=', id)
      .executeTakeFirst();
    if (user) {
      throw new AppError('conflict', 'sla.calendar_in_use', `Policy “${user.name}” uses this calendar.`);
    }
    const result = await db.deleteFrom('sla_calendars').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) {
      throw notFound('calendar', id);
    }
    cached = undefined;
  }

  async function putPolicy(id: string | undefined, input: PolicyInput): Promise<SlaPolicy> {
    const policyId = id ?? newId();
    await db.transaction().execute(async (trx) => {
      const policies = await listPolicies(trx);
      if (id && !policies.some((p) => p.id === id)) {
        throw notFound('policy', id);
      }
      await assertPolicyReferences(trx, input);
      const clash = policies.find((p) => p.position === input.position && p.id !== policyId);
      if (clash) {
        throw invalidInput(
          'sla.policy_position_taken',
          `position: policy “${clash.name}” already has position ${input.position}; policies are tried in ascending position and the first match applies, so each needs its own.`,
          { field: 'position', policyId: clash.id },
        );
      }
      const now = clock.now();
      const next: SlaPolicy = { id: policyId, ...input, createdAt: now, updatedAt: now };
      const unreachable = findUnreachable([...policies.filter((p) => p.id !== policyId), next]);
      const [hidden, earlier] = unreachable.find(([a, b]) => a.id === policyId || b.id === policyId) ?? [];
      if (hidden && earlier) {
        throw invalidInput(
          'sla.policy_unreachable',
          `conditions: policy “${hidden.name}” (position ${hidden.position}) would never apply: every ticket it matches is taken first by “${earlier.name}” (position ${earlier.position}). Give it an earlier position or narrower conditions.`,
          { field: 'conditions', policyId: hidden.id, shadowedBy: earlier.id },
        );
      }
      await savePolicy(trx, policyId, input, now);
    });
    cached = undefined;
    return (await listPolicies(db)).find((p) => p.id === policyId)!;
  }

  async function deletePolicy(id: string): Promise<void> {
    const used = await db
      .selectFrom('sla_timers')
      .select('id')
      .where('policy_id', '=', id)
      .executeTakeFirst();
    if (used) {
      throw new AppError(
        'conflict',
        'sla.policy_in_use',
        'Tickets have timers under this policy (compliance reports need it): disable it instead.',
      );
    }
    const result = await db.deleteFrom('sla_policies').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) {
      throw notFound('policy', id);
    }
    cached = undefined;
  }

  return {
    snapshot,
    listCalendars: () => listCalendars(db),
    listPolicies: () => listPolicies(db),
    putCalendar,
    deleteCalendar,
    putPolicy,
    deletePolicy,
  };
}

export type SlaSettings = ReturnType<typeof createSlaSettings>;

async function assertPolicyReferences(db: Db, input: PolicyInput): Promise<void> {
  if (input.calendarId && !(await findCalendar(db, input.calendarId))) {
    throw invalidInput('sla.calendar_not_found', `calendarId: no calendar with id ${input.calendarId}.`, {
      field: 'calendarId',
    });
  }
  const userIds = input.actions.flatMap((a) => (a.kind === 'notify' ? a.userIds : []));
  if (userIds.length > 0) {
    const found = await db.selectFrom('users').select('id').where('id', 'in', userIds).execute();
    const missing = userIds.filter((u) => !found.some((f) => f.id === u));
    if (missing.length > 0) {
      throw invalidInput('sla.user_not_found', `actions: no user with id ${missing.join(', ')}.`, {
        field: 'actions',
      });
    }
  }
}
