import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../database.types.ts';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** PostgreSQL pool whose bigint columns (epoch ms, counts) come back as numbers, not strings. */
export function createPgPool(url: string, poolSize: number, schema?: string): pg.Pool {
  const parseNumber = (value: string) => Number(value);
  return new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: schema ? `-c search_path=${schema}` : undefined,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? parseNumber
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
}

export function openPostgres(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
