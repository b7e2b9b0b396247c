/**
 * `npm run bench:audit` — audit-trail appends per second (hash chain, head row locked per append) next to
 * a baseline measured in the same process: the same row inserted into a plain table in its own
 * transaction, without chain. SQLite in a temporary file; PostgreSQL too when BENCH_DATABASE_URL is set.
 * Sequential appends, then 16 in flight. Not part of the test suite.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createAuditLog } from '../src/audit/index.ts';
import { systemClock } from '../src/kernel/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

const APPENDS = 2_000;
const IN_FLIGHT = 16;

const entry = (i: number) => ({
  action: 'media.viewed',
  actor: { type: 'user' as const, id: '01JBENCHUSER000000000000000' },
  target: { type: 'media', id: `01JBENCHMEDIA${String(i).padStart(13, '0')}` },
  origin: { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (bench)' },
  details: { variant: 'original', ticketId: '01JBENCHTICKET00000000000000' },
});

async function perSecond(task: (i: number) => Promise<void>, inFlight: number): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < APPENDS) {
        next += 1;
        await task(next);
      }
    }),
  );
  return APPENDS / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function measure(name: string, store: Store): Promise<void> {
  await sql`create table bench_plain (id integer primary key, at bigint, actor_id text, action text, target_id text, ip text, user_agent text, details text)`.execute(
    store.db,
  );
  const audit = createAuditLog({ db: store.db, dialect: store.dialect, clock: systemClock });
  const plain = (i: number) =>
    store.db.transaction().execute(async (trx) => {
      const e = entry(i);
      await sql`insert into bench_plain (id, at, actor_id, action, target_id, ip, user_agent, details) values (${i + Math.floor(Math.random() * 1e9)}, ${Date.now()}, ${e.actor.id}, ${e.action}, ${e.target.id}, ${e.origin.ip}, ${e.origin.userAgent}, ${JSON.stringify(e.details)})`.execute(
        trx,
      );
    });
  for (const inFlight of [1, IN_FLIGHT]) {
    const baseline = await perSecond(plain, inFlight);
    const chained = await perSecond((i) => audit.record(entry(i)), inFlight);
    process.stdout.write(
      `${name.padEnd(10)} in flight ${String(inFlight).padStart(2)}: plain insert ${baseline.toFixed(0)}/s, ` +
        `chained append ${chained.toFixed(0)}/s, ratio ${(chained / baseline).toFixed(2)}\n`,
    );
  }
  const verdict = await audit.verify();
  process.stdout.write(`${name.padEnd(10)} chain verified: ${verdict.ok} (${verdict.checked} entries)\n`);
}

const dir = await mkdtemp(join(tmpdir(), 'sightline-audit-bench-'));
const sqlite = await openStore({ kind: 'sqlite', file: join(dir, 'bench.db') });
await measure('sqlite', sqlite);
await sqlite.destroy();
await rm(dir, { recursive: true, force: true });

const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) {
  const schema = `bench_audit_${Date.now()}`;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const admin = await openStore({ kind: 'postgres', url: pgUrl, poolSize: IN_FLIGHT + 2, schema });
  await measure('postgres', admin);
  await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
  await admin.destroy();
}
