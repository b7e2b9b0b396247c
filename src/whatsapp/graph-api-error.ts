/** The one error the Graph client throws, whatever went wrong (Meta error, HTTP status, network). */
import { z } from 'zod';
import { AppError } from '../kernel/index.ts';
import { describeGraphError, type GraphErrorDescription } from './graph-errors.ts';
import { LooseNumberSchema } from './webhook.schemas.ts';

export interface GraphApiErrorInit {
  /** Meta's error code; undefined when the failure was not a Graph error envelope. */
  code: number | undefined;
  httpStatus: number | undefined;
  retryable: boolean;
  reason: string;
  /** A sentence for the agent (no internals). */
  userMessage: string;
  /** Meta's `error_data.details`, or what we know about the failure. */
  details: string | undefined;
  fbtraceId: string | undefined;
  cause?: unknown;
}

export class GraphApiError extends Error {
  readonly code: number | undefined;
  readonly httpStatus: number | undefined;
  readonly retryable: boolean;
  readonly reason: string;
  readonly userMessage: string;
  readonly details: string | undefined;
  readonly fbtraceId: string | undefined;

  constructor(message: string, init: GraphApiErrorInit) {
    super(message, { cause: init.cause });
    this.name = 'GraphApiError';
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable;
    this.reason = init.reason;
    this.userMessage = init.userMessage;
    this.details = init.details;
    this.fbtraceId = init.fbtraceId;
  }
}

export const isGraphApiError = (error: unknown): error is GraphApiError => error instanceof GraphApiError;

export const GraphErrorEnvelopeSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: LooseNumberSchema,
    error_subcode: LooseNumberSchema.optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});

export type GraphErrorEnvelope = z.output<typeof GraphErrorEnvelopeSchema>;

const RATE_LIMITED: GraphErrorDescription = {
  reason: 'whatsapp.rate_limited',
  retryable: true,
  message: 'WhatsApp is limiting requests right now; it will be retried.',
};

/** What an HTTP status alone tells us, when there is no (known) Graph error code. */
function describeHttpStatus(httpStatus: number): GraphErrorDescription | undefined {
  if (httpStatus === 429) {
    return RATE_LIMITED;
  }
  if (httpStatus >= 500) {
    return describeGraphError(131016);
  }
  return undefined;
}

export function createEnvelopeError(envelope: GraphErrorEnvelope, httpStatus: number): GraphApiError {
  const { code, message, error_data: data, fbtrace_id: fbtraceId } = envelope.error;
  const known = describeGraphError(code);
  const description =
    known.reason === 'whatsapp.unknown_error' ? (describeHttpStatus(httpStatus) ?? known) : known;
  return new GraphApiError(`Graph API error ${code} (HTTP ${httpStatus}): ${message ?? 'no message'}`, {
    code,
    httpStatus,
    retryable: description.retryable,
    reason: description.reason,
    userMessage: description.message,
    details: data?.details,
    fbtraceId,
  });
}

export function createHttpStatusError(httpStatus: number, details?: string): GraphApiError {
  const description = describeHttpStatus(httpStatus) ?? {
    reason: 'whatsapp.http_error',
    retryable: false,
    message: 'WhatsApp refused the request.',
  };
  return new GraphApiError(`Graph API answered HTTP ${httpStatus} without an error envelope`, {
    code: undefined,
    httpStatus,
    retryable: description.retryable,
    reason: description.reason,
    userMessage: description.message,
    details,
    fbtraceId: undefined,
  });
}

export function createNetworkError(cause: unknown, timeoutMs: number): GraphApiError {
  const isTimeout = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  const details = isTimeout
    ? `no answer within ${timeoutMs} ms`
    : cause instanceof Error
      ? cause.message
      : undefined;
  return new GraphApiError(`Graph API request failed: ${details ?? 'network error'}`, {
    code: undefined,
    httpStatus: undefined,
    retryable: true,
    reason: 'whatsapp.network_error',
    userMessage: "WhatsApp couldn't be reached; it will be retried.",
    details,
    fbtraceId: undefined,
    cause,
  });
}

/** A 2xx answer we cannot read: not retryable, since Meta may already have accepted the message. */
export function createUnexpectedResponseError(httpStatus: number, details: string): GraphApiError {
  return new GraphApiError(`Graph API answered HTTP ${httpStatus} with an unexpected body: ${details}`, {
    code: undefined,
    httpStatus,
    retryable: false,
    reason: 'whatsapp.unexpected_response',
    userMessage: 'WhatsApp sent an answer Sightline could not read.',
    details,
    fbtraceId: undefined,
  });
}

/** For HTTP handlers that surface a Graph failure to an API caller (mapped once in http/). */
export function convertGraphErrorToAppError(error: GraphApiError): AppError {
  const kind = error.reason.endsWith('rate_limited') ? 'rate_limited' : 'upstream_failed';
  return new AppError(kind, error.reason, error.userMessage, {
    details: {
      code: error.code,
      httpStatus: error.httpStatus,
      retryable: error.retryable,
      fbtraceId: error.fbtraceId,
    },
    cause: error,
  });
}
