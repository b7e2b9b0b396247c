import { createFbtraceId } from './simulator.ids.ts';

/** Titles and default details of the Meta error codes the simulator produces (Meta's wording). */
const ERROR_CATALOGUE: Record<number, { title: string; details: string; status: number }> = {
  1: { title: 'API Unknown', details: 'Invalid request or possible server error.', status: 500 },
  2: { title: 'API Service', details: 'Temporary due to downtime or due to being overloaded.', status: 503 },
  4: { title: 'API Too Many Calls', details: 'The app has reached its API call rate limit.', status: 429 },
  100: { title: 'Invalid parameter', details: 'Invalid parameter.', status: 400 },
  190: { title: 'Access token has expired', details: 'Invalid OAuth access token.', status: 401 },
  2500: { title: 'Unknown path components', details: 'Unknown path components.', status: 400 },
  130429: {
    title: 'Rate limit hit',
    details: 'Cloud API message throughput has been reached.',
    status: 429,
  },
  131000: {
    title: 'Something went wrong',
    details: 'Message failed to send due to an unknown error.',
    status: 500,
  },
  131005: {
    title: 'Access denied',
    details: 'Permission is either not granted or has been removed.',
    status: 403,
  },
  131008: {
    title: 'Required parameter is missing',
    details: 'The request is missing a required parameter.',
    status: 400,
  },
  131009: {
    title: 'Parameter value is not valid',
    details: 'One or more parameter values are invalid.',
    status: 400,
  },
  131016: { title: 'Service unavailable', details: 'A service is temporarily unavailable.', status: 503 },
  131026: { title: 'Message undeliverable', details: 'Unable to deliver message.', status: 400 },
  131047: {
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    status: 400,
  },
  131053: {
    title: 'Media upload error',
    details: 'Unable to upload the media used in the message.',
    status: 400,
  },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Too many messages sent from the sender phone number to the same recipient phone number in a short period.',
    status: 400,
  },
  132000: {
    title: 'Number of parameters does not match the expected number of params',
    details: 'The number of parameters does not match the expected number of params.',
    status: 400,
  },
  132001: {
    title: 'Template name does not exist in the translation',
    details: 'Template name does not exist in the translation.',
    status: 404,
  },
  132012: {
    title: 'Parameter format does not match format in the created template',
    details: 'Parameter format does not match format in the created template.',
    status: 400,
  },
  132018: {
    title: 'There was an issue with the parameters in your template.',
    details: 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces.',
    status: 400,
  },
};

export interface GraphErrorReply {
  status: number;
  body: {
    error: {
      message: string;
      type: 'OAuthException';
      code: number;
      error_data: { messaging_product: 'whatsapp'; details: string };
      fbtrace_id: string;
    };
  };
}

export function describeErrorCode(code: number): { title: string; details: string; status: number } {
  return ERROR_CATALOGUE[code] ?? { title: 'Unknown error', details: 'Unknown error.', status: 400 };
}

/** Meta's synchronous error envelope for a code, with optional specific details and HTTP status. */
export function buildGraphError(code: number, details?: string, status?: number): GraphErrorReply {
  const known = describeErrorCode(code);
  return {
    status: status ?? known.status,
    body: {
      error: {
        message: `(#${code}) ${known.title}`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: details ?? known.details },
        fbtrace_id: createFbtraceId(),
      },
    },
  };
}

/** The error code Meta typically pairs with an HTTP status, for fault injection without a code. */
export function pickCodeForStatus(status: number): number {
  const byStatus: Record<number, number> = {
    400: 100,
    401: 190,
    403: 131005,
    404: 100,
    429: 130429,
    503: 131016,
  };
  return byStatus[status] ?? 131000;
}

/** The `errors[]` element of a failed status webhook (title equals message, reason in details). */
export function buildStatusError(code: number, details?: string) {
  const known = describeErrorCode(code);
  return {
    code,
    title: known.title,
    message: known.title,
    error_data: { details: details ?? known.details },
    href: '/documentation/business-messaging/whatsapp/support/error-codes',
  };
}
