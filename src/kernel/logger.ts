import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured logger. PII (message bodies, phone numbers, names) is only ever logged at debug level;
 * the redaction paths are a safety net for objects logged by mistake.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        '*.body',
        '*.text',
        '*.phone',
        '*.waId',
        '*.wa_id',
        '*.from',
        '*.password',
        '*.token',
        'req.headers.authorization',
        'req.headers.cookie',
      ],
      censor: '[redacted]',
    },
  });
}

export const silentLogger: Logger = pino({ level: 'silent' });
