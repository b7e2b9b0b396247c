import type { Selectable } from 'kysely';
import {
  type Db,
  readJson,
  type SlaCalendarsTable,
  type SlaPoliciesTable,
  writeJson,
} from '../store/index.ts';
import type { CalendarInput, PolicyInput } from './sla.schemas.ts';
import type { SlaCalendar, SlaPolicy } from './sla.types.ts';

function toCalendar(row: Selectable<SlaCalendarsTable>): SlaCalendar {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    hours: readJson(row.hours),
    holidays: readJson(row.holidays),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toPolicy(row: Selectable<SlaPoliciesTable>): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    position: Number(row.position),
    enabled: Boolean(row.enabled),
    conditions: readJson(row.conditions),
    targets: readJson(row.targets),
    calendarId: row.calendar_id,
    warnShare: row.warn_share === null ? null : Number(row.warn_share),
    countBotReplies: Boolean(row.count_bot_replies),
    actions: readJson(row.actions),
    webhookUrl: row.webhook_url,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export async function listCalendars(db: Db): Promise<SlaCalendar[]> {
  return (await db.selectFrom('sla_calendars').selectAll().orderBy('name').execute()).map(toCalendar);
}

export async function findCalendar(db: Db, id: string): Promise<SlaCalendar | undefined> {
  const row = await db.selectFrom('sla_calendars').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCalendar(row);
}

export async function saveCalendar(db: Db, id: string, input: CalendarInput, now: number): Promise<void> {
  const values = {
    name: input.name,
    time_zone: input.timeZone,
    hours: writeJson(input.hours),
    holidays: writeJson([...input.holidays].sort((a, b) => a.date.localeCompare(b.date))),
    updated_at: now,
  };
  await db
    .insertInto('sla_calendars')
    .values({ id, ...values, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function listPolicies(db: Db): Promise<SlaPolicy[]> {
  return (await db.selectFrom('sla_policies').selectAll().orderBy('position').execute()).map(toPolicy);
}

export async function savePolicy(db: Db, id: string, input: PolicyInput, now: number): Promise<void> {
  const values = {
    name: input.name,
    position: input.position,
    enabled: input.enabled ? 1 : 0,
    conditions: writeJson(input.conditions),
    targets: writeJson(input.targets),
    calendar_id: input.calendarId,
    warn_share: input.warnShare,
    count_bot_replies: input.countBotReplies ? 1 : 0,
    actions: writeJson(input.actions),
    webhook_url: input.webhookUrl,
    updated_at: now,
  };
  await db
    .insertInto('sla_policies')
    .values({ id, ...values, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
