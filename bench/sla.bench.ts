/**
 * npm run bench:sla — the SLA sweep over 100,000 open tickets with running timers, on SQLite and
 * PostgreSQL, next to a plain count over the same rows measured in the same run; and business-hours
 * arithmetic over a 1-day span next to a 3-year span (equal cost: the calendar is O(1) in the span).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createMemoryEventBus } from '../src/events/index.ts';
import type { JobQueue } from '../src/jobs/index.ts';
import { createManualClock, DAY, HOUR, MINUTE, newId } from '../src/kernel/index.ts';
import { compileCalendar, createSlaModule, WEEKDAYS } from '../src/sla/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

const TICKETS = Number(process.env.BENCH_SLA_TICKETS ?? 100_000);
const DUE = Math.round(TICKETS / 100);
const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const START = Date.UTC(2026, 0, 5, 9);

/** No policy in the bench has a webhook, so nothing is ever enqueued. */
const noQueue: JobQueue = {
  enqueue: async () => {
    throw new Error('the bench enqueues nothing');
  },
  work: async () => {},
  stop: async () => {},
  depth: async () => 0,
};

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}

/** 100,000 open tickets, each with a first-response timer (due later) and a resolution timer. */
async function seed(store: Store): Promise<void> {
  const db = store.db;
  const policyId = newId();
  const channelId = newId();
  await db
    .insertInto('channels')
    .values({
      id: channelId,
      phone_number_id: '1',
      display_phone_number: '1',
      waba_id: null,
      created_at: START,
    })
    .execute();
  await db
    .insertInto('sla_policies')
    .values({
      id: policyId,
      name: 'Bench',
      position: 1,
      enabled: 1,
      conditions: '{}',
      targets: JSON.stringify({ normal: { firstResponse: 60, resolution: 480 } }),
      calendar_id: null,
      warn_share: 0.75,
      count_bot_replies: 0,
      actions: JSON.stringify([{ kind: 'raise_priority' }]),
      webhook_url: null,
      created_at: START,
      updated_at: START,
    })
    .execute();
  const CHUNK = 1_000;
  for (let offset = 0; offset < TICKETS; offset += CHUNK) {
    await db.transaction().execute(async (trx) => {
      const n = Math.min(CHUNK, TICKETS - offset);
      const contacts = Array.from({ length: n }, (_, i) => ({
        id: newId(),
        wa_id: String(4_400_000_000 + offset + i),
        bsuid: null,
        username: null,
        name: null,
        language: null,
        created_at: START,
        updated_at: START,
      }));
      await trx.insertInto('contacts').values(contacts).execute();
      const tickets = contacts.map((c, i) => ({
        id: newId(),
        number: offset + i + 1,
        channel_id: channelId,
        contact_id: c.id,
        status: 'open',
        priority: 'normal',
        assignee_id: null,
        team_id: null,
        language: null,
        referral: null,
        created_at: START,
        updated_at: START,
        first_inbound_at: START,
        last_inbound_at: START,
        last_outbound_at: null,
        first_response_at: null,
        solved_at: null,
        closed_at: null,
        reopen_count: 0,
        last_message_at: START,
        last_message_preview: 'Hello',
      }));
      await trx.insertInto('tickets').values(tickets).execute();
      // First responses: 1 % fall due (warning and breach) within 2 h, 9 % more within 2 days, the rest later.
      const timers = tickets.flatMap((t, i) => {
        const index = offset + i;
        const dueIn = index < DUE ? HOUR : index < 10 * DUE ? DAY : 30 * DAY;
        return (['firstResponse', 'resolution'] as const).map((metric) => ({
          id: newId(),
          ticket_id: t.id,
          policy_id: policyId,
          metric,
          state: 'active',
          target_ms: (metric === 'firstResponse' ? 60 : 480) * MINUTE,
          started_at: START,
          consumed_ms: 0,
          running_since: START,
          paused_at: null,
          paused_ms: 0,
          due_at: START + (metric === 'firstResponse' ? dueIn : 30 * DAY),
          warn_at: START + (metric === 'firstResponse' ? (dueIn * 3) / 4 : 20 * DAY),
          warned_at: null,
          breached_at: null,
          stopped_at: null,
        }));
      });
      await trx.insertInto('sla_timers').values(timers).execute();
    });
  }
  if (store.dialect === 'postgres') {
    await sql`analyze`.execute(db);
  }
}

async function benchSweep(label: string, store: Store): Promise<void> {
  const clock = createManualClock(START);
  process.stdout.write(`${label}: seeding ${TICKETS.toLocaleString('en')} tickets… `);
  const [seedMs] = await time(() => seed(store));
  console.log(`${(seedMs / 1000).toFixed(1)} s`);
  const sla = createSlaModule({
    db: store.db,
    dialect: store.dialect,
    clock,
    events: createMemoryEventBus(),
    queue: noQueue,
  });
  const count = () =>
    store.db
      .selectFrom('sla_timers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'active')
      .executeTakeFirstOrThrow();
  await count();
  await sla.sweep();
  const [baselineMs, counted] = await time(count);
  const [idleMs] = await time(() => sla.sweep());
  const report = (what: string, ms: number, fired: number) =>
    console.log(
      `  sweep firing ${fired.toLocaleString('en')} ${what}`.padEnd(66) +
        `${ms.toFixed(1)} ms  (${(ms / baselineMs).toFixed(2)}× baseline)`,
    );
  console.log(
    `  baseline: count of ${Number(counted.n).toLocaleString('en')} active timers`.padEnd(66) +
      `${baselineMs.toFixed(1)} ms`,
  );
  console.log(
    `${'  sweep, nothing due'.padEnd(66)}${idleMs.toFixed(1)} ms  (${(idleMs / baselineMs).toFixed(2)}× baseline)`,
  );
  clock.set(START + 50 * MINUTE);
  const [warnMs, warned] = await time(() => sla.sweep());
  report('warnings (1 % of tickets)', warnMs, warned);
  clock.set(START + 2 * HOUR);
  const [breachMs, breached] = await time(() => sla.sweep());
  report('breaches (1 %, raising priority)', breachMs, breached);
  clock.set(START + 2 * DAY);
  const [moreMs, more] = await time(() => sla.sweep());
  report('breaches (9 %, two days without a worker)', moreMs, more);
}

function benchCalendar(): void {
  const calendar = compileCalendar({
    timeZone: 'Europe/Paris',
    hours: WEEKDAYS.slice(0, 5).flatMap((day) => [
      { day, start: '09:00', end: '12:30' },
      { day, start: '13:30', end: '18:00' },
    ]),
    holidays: Array.from({ length: 40 }, (_, i) =>
      new Date(Date.UTC(2026 + Math.floor(i / 10), i % 12, 1 + i)).toISOString().slice(0, 10),
    ),
  });
  const measure = (spanMs: number) => {
    const runs = 200_000;
    let sink = 0;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) {
      const a = START + (i % 1000) * 7 * MINUTE;
      sink += calendar.businessTimeBetween(a, a + spanMs);
      sink += calendar.addBusinessTime(a, spanMs / 3) % 7;
    }
    if (sink === -1) {
      console.log(sink);
    }
    return ((performance.now() - started) * 1e6) / (runs * 2);
  };
  measure(DAY);
  const oneDay = measure(DAY);
  const threeYears = measure(3 * 365 * DAY);
  console.log('business-hours arithmetic (Europe/Paris, split shifts, 40 holidays, DST):');
  console.log(`  span 1 day     ${oneDay.toFixed(0)} ns per call`);
  console.log(
    `  span 3 years   ${threeYears.toFixed(0)} ns per call  (${(threeYears / oneDay).toFixed(2)}× the 1-day span)`,
  );
}

async function main(): Promise<void> {
  benchCalendar();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-sla-bench-'));
  const sqlite = await openStore({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
  try {
    await benchSweep('SQLite', sqlite);
  } finally {
    await sqlite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const schema = `sla_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL: not reachable at ${PG_URL}, skipped`);
    return;
  }
  await admin.query(`create schema ${schema}`);
  const postgres = await openStore({ kind: 'postgres', url: PG_URL, poolSize: 4, schema });
  try {
    await benchSweep('PostgreSQL', postgres);
  } finally {
    await postgres.destroy();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

await main();
