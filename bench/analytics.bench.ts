/**
 * npm run bench:analytics — the dashboard's KPI queries over a year of history, on SQLite and PostgreSQL
 * through the real report code, next to DuckDB (a columnar engine, exact percentiles) over the same rows
 * in the same run.
 *
 * BENCH_TICKETS (default 1,000,000; about ten messages each) sets the scale. The history is written
 * straight into the fact tables the reports read (bench/support/analytics-history.ts), with bulk inserts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { createAnalyticsService } from '../src/analytics/analytics.service.ts';
import { applyRollupDelta, type Range, RollupDelta } from '../src/analytics/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import {
  type Batch,
  CONTACT_COLUMNS,
  contactRows,
  FACT_COLUMNS,
  generateHistory,
  HISTORY_END,
  MEDIA_COLUMNS,
  SURVEY_COLUMNS,
  WAIT_COLUMNS,
} from './support/analytics-history.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const DAY = 86_400_000;
const RUNS = 3;

type Cell = string | number | null;
type Tables = Record<
  'analytics_ticket_facts' | 'analytics_waits' | 'analytics_ticket_media' | 'surveys',
  Cell[][]
>;
const COLUMNS = {
  analytics_ticket_facts: FACT_COLUMNS,
  analytics_waits: WAIT_COLUMNS,
  analytics_ticket_media: MEDIA_COLUMNS,
  surveys: SURVEY_COLUMNS,
  contacts: CONTACT_COLUMNS,
} as const;
type Table = keyof typeof COLUMNS;

const tablesOf = (batch: Batch): Tables => ({
  analytics_ticket_facts: batch.facts,
  analytics_waits: batch.waits,
  analytics_ticket_media: batch.media,
  surveys: batch.surveys,
});

interface Loader {
  load(table: Table, rows: Cell[][]): Promise<void> | void;
}

function sqliteLoader(file: string): Loader & { close(): void } {
  const db = new SQLite(file);
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  const statements = new Map<Table, SQLite.Statement>();
  return {
    load(table, rows) {
      let statement = statements.get(table);
      if (!statement) {
        const columns = COLUMNS[table];
        statement = db.prepare(
          `insert into ${table} (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`,
        );
        statements.set(table, statement);
      }
      const insert = statement;
      db.transaction(() => {
        for (const row of rows) {
          insert.run(row);
        }
      })();
    },
    close: () => db.close(),
  };
}

/** PostgreSQL: one INSERT … SELECT FROM unnest(arrays) per batch, foreign-key triggers off for the load. */
async function pgLoader(store: Store): Promise<Loader & { close(): void }> {
  const client = await store.pgPool!.connect();
  await client.query('set session_replication_role = replica');
  const types = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = $1`,
    [store.pgSchema],
  );
  const typeOf = (table: string, column: string) =>
    types.rows.find((r) => r.table_name === table && r.column_name === column)!.data_type;
  return {
    async load(table, rows) {
      const columns = COLUMNS[table];
      for (let i = 0; i < rows.length; i += 20_000) {
        const slice = rows.slice(i, i + 20_000);
        const arrays = columns.map((_, c) => slice.map((row) => row[c]));
        const casts = columns.map((column, c) => `$${c + 1}::${typeOf(table, column)}[]`);
        await client.query(
          `insert into ${table} (${columns.join(',')}) select * from unnest(${casts.join(',')})`,
          arrays,
        );
      }
    },
    close: () => client.release(),
  };
}

const TEXT = new Set([
  'ticket_id',
  'contact_id',
  'team_id',
  'agent_id',
  'channel_id',
  'tier',
  'category',
  'language',
  'segment',
  'kind',
  'direction',
  'id',
  'comment',
]);

async function duckLoader() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const [table, columns] of Object.entries(COLUMNS)) {
    await connection.run(
      `create table ${table} (${columns.map((c) => `${c} ${TEXT.has(c) ? 'varchar' : 'bigint'}`).join(', ')})`,
    );
  }
  return {
    connection,
    async load(table: Table, rows: Cell[][]) {
      const appender = await connection.createAppender(table);
      for (const row of rows) {
        for (const cell of row) {
          if (cell === null) {
            appender.appendNull();
          } else if (typeof cell === 'string') {
            appender.appendVarchar(cell);
          } else {
            appender.appendBigInt(BigInt(cell));
          }
        }
        appender.endRow();
      }
      appender.closeSync();
    },
  };
}

/** The dashboard's queries in DuckDB: the same aggregates, with exact percentiles. */
function duckQueries(range: Range) {
  const inRange = (r: Range, column = 'opened_at') => `${column} >= ${r.from} and ${column} < ${r.to}`;
  const previous = { from: range.from - (range.to - range.from), to: range.from };
  const aggregates = `count(*), sum(solved), sum(closed), sum(reopened), sum(resolved), sum(fcr), sum(repeat_contact),
    sum(bot_resolved), sum(bot_engaged), sum(takeover), sum(inbound_messages), sum(agent_messages), sum(bot_messages),
    ${['frt', 'bot_frt', 'resolution', 'close']
      .map((m) => `count(${m}_ms), avg(${m}_ms), quantile_disc(${m}_ms, 0.5), quantile_disc(${m}_ms, 0.9)`)
      .join(', ')}`;
  const period = (r: Range, key: string) => [
    `select ${key} as k, ${aggregates} from analytics_ticket_facts f where ${inRange(r)} group by k`,
    `select ${key} as k, count(*), avg(wait_ms), quantile_disc(wait_ms, 0.5), quantile_disc(wait_ms, 0.9)
       from analytics_waits w ${key.includes('f.agent_id') ? 'join analytics_ticket_facts f using (ticket_id)' : ''}
       where ${inRange(r, 'w.opened_at')} group by k`.replace('f.opened_at', 'w.opened_at'),
    `select ${key.replace('f.opened_at', 's.sent_at').replace('f.agent_id', 's.agent_id')} as k, s.kind, s.score, count(*)
       from surveys s where ${inRange(r, 's.sent_at')} group by all`,
  ];
  return {
    summary: [
      ...period(range, "'all'"),
      ...period(previous, "'all'"),
      `select kind, direction, sum(n) from analytics_ticket_media where ${inRange(range)} group by all`,
    ],
    byDay: period(range, `f.opened_at // ${DAY}`),
    byAgent: period(range, 'f.agent_id'),
    heatmap: [
      `select ((opened_at // 3600000) + 72) % 168 as h, count(*) from analytics_ticket_facts where ${inRange(range)} group by h`,
    ],
  };
}

function toObjects(columns: readonly string[], rows: Cell[][]): Record<string, Cell>[] {
  return rows.map((row) => Object.fromEntries(columns.map((column, i) => [column, row[i]!])));
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-analytics-'));
  const sqliteStore = await openStore({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
  const schema = `bench_analytics_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const pgStore = await openStore({ kind: 'postgres', url: PG_URL, poolSize: 4, schema });
  const sqlite = sqliteLoader(path.join(dir, 'bench.db'));
  const postgres = await pgLoader(pgStore);
  const duck = await duckLoader();

  const loadTimes = { generate: 0, sqlite: 0, postgres: 0, duckdb: 0 };
  const load = async (table: Table, rows: Cell[][]) => {
    for (const [name, loader] of [
      ['sqlite', sqlite],
      ['postgres', postgres],
      ['duckdb', duck],
    ] as const) {
      const started = performance.now();
      await loader.load(table, rows);
      loadTimes[name] += performance.now() - started;
    }
  };
  await load('contacts', contactRows());
  let tickets = 0;
  let messages = 0;
  let started = performance.now();
  for (const batch of generateHistory(TICKETS)) {
    loadTimes.generate += performance.now() - started;
    tickets += batch.facts.length;
    messages += batch.facts.reduce(
      (n, f) => n + Number(f[27]) + Number(f[28]) + Number(f[29]) + Number(f[30]),
      0,
    );
    for (const [table, rows] of Object.entries(tablesOf(batch)) as [Table, Cell[][]][]) {
      await load(table, rows);
    }
    // The daily rollup through the same code the refresh job uses (DuckDB reads the fact rows only).
    const delta = new RollupDelta();
    delta.add(
      toObjects(FACT_COLUMNS, batch.facts) as never,
      toObjects(WAIT_COLUMNS, batch.waits) as never,
      1,
    );
    for (const [name, store] of [
      ['sqlite', sqliteStore],
      ['postgres', pgStore],
    ] as const) {
      const begun = performance.now();
      await store.db.transaction().execute((trx) => applyRollupDelta(trx, delta));
      loadTimes[name] += performance.now() - begun;
    }
    started = performance.now();
  }
  sqlite.close();
  postgres.close();
  await sql`analyze`.execute(sqliteStore.db);
  await admin.query(
    `analyze ${schema}.analytics_ticket_facts, ${schema}.analytics_waits, ${schema}.surveys, ${schema}.analytics_daily, ${schema}.analytics_monthly_hist`,
  );
  console.log(
    `history: ${tickets.toLocaleString('en')} tickets, ${messages.toLocaleString('en')} messages; generated in ${(loadTimes.generate / 1000).toFixed(1)} s; ` +
      `loaded in SQLite ${(loadTimes.sqlite / 1000).toFixed(1)} s, PostgreSQL ${(loadTimes.postgres / 1000).toFixed(1)} s, DuckDB ${(loadTimes.duckdb / 1000).toFixed(1)} s`,
  );

  const settings = { contactWindowMs: 7 * DAY, chatsPerAgent: 3 };
  const clock = { now: () => HISTORY_END };
  const services = {
    sqlite: createAnalyticsService({ db: sqliteStore.db, clock, settings }),
    postgres: createAnalyticsService({ db: pgStore.db, clock, settings }),
  };
  const rows: string[][] = [];
  for (const days of [30, 365]) {
    const range = { from: HISTORY_END - days * DAY, to: HISTORY_END };
    const duckSql = duckQueries(range);
    const queries = {
      'summary (+ previous period)': {
        report: (s: (typeof services)['sqlite']) => s.summary(range, {}),
        duck: duckSql.summary,
      },
      'by day': {
        report: (s: (typeof services)['sqlite']) => s.breakdown(range, 'day', {}),
        duck: duckSql.byDay,
      },
      'by agent': {
        report: (s: (typeof services)['sqlite']) => s.breakdown(range, 'agent', {}),
        duck: duckSql.byAgent,
      },
      'hour-of-week heat map': {
        report: (s: (typeof services)['sqlite']) => s.heatmap(range, 0, {}),
        duck: duckSql.heatmap,
      },
    };
    for (const [name, query] of Object.entries(queries)) {
      const sqliteMs = await timed(() => query.report(services.sqlite));
      const pgMs = await timed(() => query.report(services.postgres));
      const duckMs = await timed(async () => {
        for (const text of query.duck) {
          await duck.connection.runAndReadAll(text);
        }
      });
      rows.push([
        `${days} d`,
        name,
        sqliteMs.toFixed(0),
        pgMs.toFixed(0),
        duckMs.toFixed(0),
        (sqliteMs / duckMs).toFixed(1),
      ]);
    }
  }
  const header = ['range', 'query', 'SQLite ms', 'PostgreSQL ms', 'DuckDB ms', 'SQLite ÷ DuckDB'];
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) {
    console.log(`| ${row.join(' | ')} |`);
  }

  await sqliteStore.destroy();
  await pgStore.destroy();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
