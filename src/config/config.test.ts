import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return error instanceof ConfigError ? error.problems : [String(error)];
  }
};

describe('loadConfig', () => {
  it('defaults to embedded SQLite, disk media and demo mode', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('sqlite');
    expect(config.mediaStore.kind).toBe('disk');
    expect(config.whatsapp.mode).toBe('demo');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('selects PostgreSQL, S3 and live WhatsApp from their variables', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db/sightline',
      SIGHTLINE_MASTER_KEY: 'ab'.repeat(32),
      MEDIA_STORE: 's3://bucket/media/prod',
      WHATSAPP_APP_SECRET: 's',
      WHATSAPP_VERIFY_TOKEN: 'v',
      WHATSAPP_ACCESS_TOKEN: 'a',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    });
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgres://u@db/sightline' });
    expect(config.mediaStore).toMatchObject({ kind: 's3', bucket: 'bucket', prefix: 'media/prod' });
    expect(config.whatsapp.mode).toBe('live');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: must be a port number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must be a postgres:// URL'],
    [{ SIGHTLINE_MASTER_KEY: 'short' }, 'SIGHTLINE_MASTER_KEY: must be 64 hex characters'],
    [{ DATABASE_URL: 'postgres://u@db/sightline' }, 'SIGHTLINE_MASTER_KEY: is required with DATABASE_URL'],
    [{ WHATSAPP_ACCESS_TOKEN: 'a' }, 'WHATSAPP_APP_SECRET: is required when WHATSAPP_ACCESS_TOKEN is set'],
    [
      { SIGHTLINE_ADMIN_EMAIL: 'a@b.co' },
      'SIGHTLINE_ADMIN_EMAIL / SIGHTLINE_ADMIN_PASSWORD: set both or neither',
    ],
    [{ WHATSAPP_API_VERSION: '25' }, 'WHATSAPP_API_VERSION: must look like v25.0'],
  ])('names the variable and the problem: %o', (env, expected) => {
    expect(problemsOf(env).join('\n')).toContain(expected);
  });

  it('lists every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'loud' })).toHaveLength(2);
  });

  it('makes the process exit at start with one line per problem', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      cwd: root,
      env: { PATH: process.env.PATH, PORT: 'not-a-port' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(78);
    expect(result.stderr.trim()).toBe('sightline: configuration error: PORT: must be a port number');
  });
});
