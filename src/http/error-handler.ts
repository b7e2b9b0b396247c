import type { FastifyError, FastifyInstance } from 'fastify';
import { type ErrorKind, isAppError } from '../kernel/index.ts';

/** The one place where error kinds become HTTP statuses. */
export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  upstream_failed: 502,
  internal: 500,
};

interface ErrorBody {
  error: {
    kind: ErrorKind;
    reason: string;
    message: string;
    requestId: string;
    details?: Record<string, unknown>;
  };
}

export function errorBody(
  kind: ErrorKind,
  reason: string,
  message: string,
  requestId: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return { error: { kind, reason, message, requestId, ...(details ? { details } : {}) } };
}

/** Fastify's own errors (body too large, bad JSON, unsupported media type) in our shape. */
function fromFastifyError(error: FastifyError): { kind: ErrorKind; reason: string; message: string } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        kind: 'payload_too_large',
        reason: 'request.too_large',
        message: 'The request body is larger than this endpoint accepts.',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        kind: 'invalid_input',
        reason: 'request.unsupported_media_type',
        message: 'Send the body as application/json.',
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        kind: 'invalid_input',
        reason: 'request.empty_body',
        message: 'The request body is empty; JSON was expected.',
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        kind: 'invalid_input',
        reason: 'request.invalid_json',
        message: 'The request body is not valid JSON.',
      };
    default:
      if (error.statusCode === 400 && error instanceof SyntaxError) {
        return {
          kind: 'invalid_input',
          reason: 'request.invalid_json',
          message: 'The request body is not valid JSON.',
        };
      }
      return null;
  }
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      const status = STATUS_BY_KIND[error.kind];
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
      }
      return reply
        .status(status)
        .send(errorBody(error.kind, error.reason, error.message, request.id, error.details));
    }
    const known = fromFastifyError(error);
    if (known) {
      return reply
        .status(STATUS_BY_KIND[known.kind])
        .send(errorBody(known.kind, known.reason, known.message, request.id));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .status(500)
      .send(
        errorBody(
          'internal',
          'internal.unexpected',
          'Something went wrong on our side. It has been logged.',
          request.id,
        ),
      );
  });
}
