import path from 'node:path';
import { HOUR } from '../kernel/index.ts';
import { type Env, EnvSchema } from './env.schema.ts';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; poolSize: number };

export type MediaStoreConfig =
  | { kind: 'disk'; dir: string }
  | { kind: 's3'; bucket: string; prefix: string; endpoint: string | undefined; region: string };

export interface WhatsAppConfig {
  /** `demo` runs the built-in simulator in place of Meta; credentials are generated per data dir. */
  mode: 'live' | 'demo';
  appSecret: string | undefined;
  verifyToken: string | undefined;
  accessToken: string | undefined;
  phoneNumberId: string | undefined;
  businessAccountId: string | undefined;
  apiVersion: string;
  graphUrl: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  publicUrl: string | undefined;
  database: DatabaseConfig;
  mediaStore: MediaStoreConfig;
  masterKeyHex: string | undefined;
  bootstrapToken: string | undefined;
  admin: { email: string; password: string } | undefined;
  secureCookies: 'auto' | 'true' | 'false';
  whatsapp: WhatsAppConfig;
  tickets: { reopenWindowMs: number; autoCloseMs: number };
  analytics: { contactWindowMs: number; chatsPerAgent: number };
  surveys: { csat: boolean };
}

/** Configuration problems, one line per variable, so an operator fixes them all at once. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const LIVE_WHATSAPP_VARS = [
  'WHATSAPP_APP_SECRET',
  'WHATSAPP_VERIFY_TOKEN',
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_PHONE_NUMBER_ID',
] as const;

/** The process environment; only this module reads it. */
export function readEnvironment(): Record<string, string | undefined> {
  return process.env;
}

export function loadConfig(source: Record<string, string | undefined>): Readonly<Config> {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];

  const whatsappSet = LIVE_WHATSAPP_VARS.filter((name) => env[name] !== undefined);
  if (whatsappSet.length > 0 && whatsappSet.length < LIVE_WHATSAPP_VARS.length) {
    for (const name of LIVE_WHATSAPP_VARS.filter((n) => env[n] === undefined)) {
      problems.push(
        `${name}: is required when ${whatsappSet.join(', ')} ${whatsappSet.length > 1 ? 'are' : 'is'} set`,
      );
    }
  }
  if (env.DATABASE_URL !== undefined && env.SIGHTLINE_MASTER_KEY === undefined) {
    problems.push(
      'SIGHTLINE_MASTER_KEY: is required with DATABASE_URL (every process must encrypt media with the same key; generate one with `openssl rand -hex 32`)',
    );
  }
  if ((env.SIGHTLINE_ADMIN_EMAIL === undefined) !== (env.SIGHTLINE_ADMIN_PASSWORD === undefined)) {
    problems.push('SIGHTLINE_ADMIN_EMAIL / SIGHTLINE_ADMIN_PASSWORD: set both or neither');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  const dataDir = path.resolve(env.DATA_DIR);
  const config: Config = {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    logLevel: env.LOG_LEVEL,
    publicUrl: env.SIGHTLINE_PUBLIC_URL,
    database:
      env.DATABASE_URL === undefined
        ? { kind: 'sqlite', file: path.join(dataDir, 'sightline.db') }
        : { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    mediaStore: parseMediaStore(env, dataDir),
    masterKeyHex: env.SIGHTLINE_MASTER_KEY,
    bootstrapToken: env.SIGHTLINE_BOOTSTRAP_TOKEN,
    admin:
      env.SIGHTLINE_ADMIN_EMAIL && env.SIGHTLINE_ADMIN_PASSWORD
        ? { email: env.SIGHTLINE_ADMIN_EMAIL, password: env.SIGHTLINE_ADMIN_PASSWORD }
        : undefined,
    secureCookies: env.SIGHTLINE_SECURE_COOKIES,
    whatsapp: {
      mode: whatsappSet.length === 0 ? 'demo' : 'live',
      appSecret: env.WHATSAPP_APP_SECRET,
      verifyToken: env.WHATSAPP_VERIFY_TOKEN,
      accessToken: env.WHATSAPP_ACCESS_TOKEN,
      phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
      businessAccountId: env.WHATSAPP_BUSINESS_ACCOUNT_ID,
      apiVersion: env.WHATSAPP_API_VERSION,
      graphUrl: env.WHATSAPP_GRAPH_URL.replace(/\/+$/, ''),
    },
    tickets: {
      reopenWindowMs: env.SIGHTLINE_REOPEN_WINDOW_HOURS * HOUR,
      autoCloseMs: env.SIGHTLINE_AUTO_CLOSE_HOURS * HOUR,
    },
    analytics: {
      contactWindowMs: env.SIGHTLINE_FCR_WINDOW_DAYS * 24 * HOUR,
      chatsPerAgent: env.SIGHTLINE_CHATS_PER_AGENT,
    },
    surveys: { csat: env.SIGHTLINE_CSAT_SURVEYS === 'on' },
  };
  return Object.freeze(config);
}

function parseMediaStore(env: Env, dataDir: string): MediaStoreConfig {
  if (env.MEDIA_STORE === undefined) {
    return { kind: 'disk', dir: path.join(dataDir, 'media') };
  }
  const url = new URL(env.MEDIA_STORE);
  return {
    kind: 's3',
    bucket: url.host,
    prefix: url.pathname.replace(/^\/+/, ''),
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
  };
}
