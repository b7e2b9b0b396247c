import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Keys whose values never reach a log line above debug: message content, phone numbers, credentials. */
const PII_KEYS = ['body', 'text', 'caption', 'phone', 'waId', 'wa_id', 'from', 'email', 'password', 'token'];
const SECRET_KEYS = ['secret', 'accessToken', 'appSecret', 'totp', 'authorization', 'cookie'];

/**
 * Structured logger. PII (message bodies, phone numbers, names) is only ever logged at debug level;
 * the redaction paths are a safety net for objects logged by mistake, one and two levels deep.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const keys = [...PII_KEYS, ...SECRET_KEYS];
  return pino(
    {
      level,
      redact: {
        paths: [
          ...keys.map((k) => `*.${k}`),
          ...keys.map((k) => `*.*.${k}`),
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-hub-signature-256"]',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
