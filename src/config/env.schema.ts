import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const positiveNumber = (fallback: number) =>
  z.coerce.number({ error: 'must be a number' }).positive('must be greater than 0').default(fallback);

/** Every environment variable Sightline reads. Nothing else in the code base touches process.env. */
export const EnvSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must be a postgres:// URL (leave unset for embedded SQLite)',
  }),
  DATABASE_POOL_SIZE: positiveNumber(10),
  MEDIA_STORE: optionalString.refine((v) => v === undefined || /^s3:\/\/[^/]+/.test(v), {
    message: 'must look like s3://bucket/prefix (leave unset for encrypted files in DATA_DIR/media)',
  }),
  S3_ENDPOINT: optionalString,
  S3_REGION: z.string().default('us-east-1'),
  SIGHTLINE_MASTER_KEY: optionalString.refine((v) => v === undefined || /^[0-9a-fA-F]{64}$/.test(v), {
    message: 'must be 64 hex characters (32 bytes)',
  }),
  SIGHTLINE_BOOTSTRAP_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'must be at least 16 characters',
  }),
  SIGHTLINE_ADMIN_EMAIL: optionalString.refine((v) => v === undefined || z.email().safeParse(v).success, {
    message: 'must be an e-mail address',
  }),
  SIGHTLINE_ADMIN_PASSWORD: optionalString.refine((v) => v === undefined || v.length >= 10, {
    message: 'must be at least 10 characters',
  }),
  SIGHTLINE_PUBLIC_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: 'must be an http(s) URL',
  }),
  SIGHTLINE_REOPEN_WINDOW_HOURS: positiveNumber(168),
  SIGHTLINE_AUTO_CLOSE_HOURS: positiveNumber(96),
  SIGHTLINE_FCR_WINDOW_DAYS: positiveNumber(7),
  SIGHTLINE_CHATS_PER_AGENT: positiveNumber(3),
  /** A CSAT question over WhatsApp when an agent solves a ticket. */
  SIGHTLINE_CSAT_SURVEYS: z.enum(['on', 'off']).default('off'),
  SIGHTLINE_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: optionalString.refine((v) => v === undefined || /^\d+$/.test(v), {
    message: 'must be the numeric phone number id from the WhatsApp Manager',
  }),
  WHATSAPP_BUSINESS_ACCOUNT_ID: optionalString,
  WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v25.0')
    .default('v25.0'),
  WHATSAPP_GRAPH_URL: z.url({ error: 'must be a URL' }).default('https://graph.facebook.com'),
});

export type Env = z.infer<typeof EnvSchema>;
