/** The kinds of failure the whole system speaks; `http/error-handler.ts` maps each to a status once. */
export type ErrorKind =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unprocessable'
  | 'rate_limited'
  | 'upstream_failed'
  | 'internal';

export interface AppErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** A failure with a stable machine reason (`ticket.already_closed`) and a human message. */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly reason: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(kind: ErrorKind, reason: string, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.reason = reason;
    this.details = options.details;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export function invalidInput(reason: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError('invalid_input', reason, message, { details });
}

export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', `${what}.not_found`, `No ${what} with id ${id}.`);
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
