/** The one HTTP client: cookies, the CSRF header on mutations, typed errors, and the 401 hook. */

export class ApiError extends Error {
  readonly status: number;
  readonly kind: string;
  readonly reason: string;
  readonly requestId: string | null;
  /** The request field the error is about (`parameters.body.2`, `shortcut`), when the server names one. */
  readonly field: string | null;

  constructor(
    status: number,
    kind: string,
    reason: string,
    message: string,
    requestId: string | null,
    field: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.kind = kind;
    this.reason = reason;
    this.requestId = requestId;
    this.field = field;
  }
}

export const CSRF_HEADER = 'x-sightline-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called whenever a request (other than one that opts out) comes back 401. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Do not fire the global 401 handler (login form, session probe). */
  quiet401?: boolean;
}

export async function request<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) {
    headers['content-type'] = 'application/json';
  }
  if (!SAFE_METHODS.has(method)) {
    headers[CSRF_HEADER] = '1';
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: isForm
        ? (options.body as FormData)
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, 'network', 'network.unreachable', 'The server could not be reached.', null);
  }
  if (response.status === 401 && !options.quiet401) {
    for (const listener of unauthenticatedListeners) {
      listener();
    }
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  if (response.status === 204 || response.headers.get('content-length') === '0') {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const str = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  return new ApiError(
    response.status,
    str(error.kind, kindForStatus(response.status)),
    str(error.reason, `http.${response.status}`),
    str(error.message, response.statusText || `HTTP ${response.status}`),
    typeof error.requestId === 'string' ? error.requestId : null,
    isRecord(error.details) && typeof error.details.field === 'string' ? error.details.field : null,
  );
}

function kindForStatus(status: number): string {
  const kinds: Record<number, string> = {
    400: 'invalid_input',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    422: 'unprocessable',
    429: 'rate_limited',
    502: 'upstream_failed',
  };
  return kinds[status] ?? 'internal';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const API_BASE = '/api/v1';

/** Shorthands for the Sightline API under /api/v1. */
export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>(API_BASE + path, { signal }),
  post: <T>(path: string, body?: unknown) => request<T>(API_BASE + path, { method: 'POST', body }),
  /** multipart/form-data (the browser sets the boundary); same CSRF header as any write. */
  upload: <T>(path: string, form: FormData, signal?: AbortSignal) =>
    request<T>(API_BASE + path, { method: 'POST', body: form, signal }),
  patch: <T>(path: string, body: unknown) => request<T>(API_BASE + path, { method: 'PATCH', body }),
  del: <T>(path: string) => request<T>(API_BASE + path, { method: 'DELETE' }),
};

export function toQueryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
