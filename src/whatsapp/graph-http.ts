/** HTTP plumbing for the Graph client: bearer auth, timeouts, and every failure as a GraphApiError. */
import type { z } from 'zod';
import {
  createEnvelopeError,
  createHttpStatusError,
  createNetworkError,
  createUnexpectedResponseError,
  type GraphApiError,
  GraphErrorEnvelopeSchema,
} from './graph-api-error.ts';

export type FetchFn = typeof fetch;

export interface GraphTransport {
  fetch: FetchFn;
  accessToken: string;
  timeoutMs: number;
}

export interface GraphRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  json?: unknown;
  form?: FormData;
  timeoutMs?: number;
}

function buildInit(transport: GraphTransport, request: GraphRequest, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = { authorization: `Bearer ${transport.accessToken}` };
  let body: RequestInit['body'] = request.form;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  }
  return { method: request.method, headers, body, signal };
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Meta's error envelope wins over the HTTP status ("build around error codes"); then the status. */
function findResponseError(status: number, body: unknown, text: string): GraphApiError | undefined {
  const envelope = GraphErrorEnvelopeSchema.safeParse(body);
  if (envelope.success) {
    return createEnvelopeError(envelope.data, status);
  }
  if (status < 200 || status >= 300) {
    return createHttpStatusError(status, text.slice(0, 200) || undefined);
  }
  return undefined;
}

/** Sends a request and parses the JSON answer with `schema`; throws GraphApiError on any failure. */
export async function requestGraphJson<Schema extends z.ZodType>(
  transport: GraphTransport,
  request: GraphRequest,
  schema: Schema,
): Promise<z.output<Schema>> {
  const timeoutMs = request.timeoutMs ?? transport.timeoutMs;
  let status: number;
  let text: string;
  try {
    const response = await transport.fetch(
      request.url,
      buildInit(transport, request, AbortSignal.timeout(timeoutMs)),
    );
    status = response.status;
    text = await response.text();
  } catch (cause) {
    throw createNetworkError(cause, timeoutMs);
  }
  const body = parseJsonOrUndefined(text);
  const error = findResponseError(status, body, text);
  if (error !== undefined) {
    throw error;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw createUnexpectedResponseError(status, parsed.error.issues[0]?.message ?? 'invalid body');
  }
  return parsed.data;
}

/**
 * GET returning the live Response so the caller can stream a large body. The timeout covers the wait
 * for the response headers only; a 100 MB download must not be cut off by it.
 */
export async function requestGraphStream(transport: GraphTransport, url: string): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException('headers timeout', 'TimeoutError'));
  }, transport.timeoutMs);
  let response: Response;
  try {
    response = await transport.fetch(url, buildInit(transport, { method: 'GET', url }, controller.signal));
  } catch (cause) {
    throw createNetworkError(cause, transport.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
  if (response.ok) {
    return response;
  }
  const text = await response.text().catch(() => '');
  throw (
    findResponseError(response.status, parseJsonOrUndefined(text), text) ??
    createHttpStatusError(response.status)
  );
}
