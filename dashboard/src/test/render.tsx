import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Providers } from '../app/Providers';
import { createI18n } from '../lib/i18n';
import { createRegistry, type FeatureDefinition } from '../lib/registry';
import type { Language } from '../lib/types';

export function createTestClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY },
      mutations: { retry: false },
    },
  });
}

export function renderWithProviders(
  ui: ReactElement,
  options: { language?: Language; features?: FeatureDefinition[]; client?: QueryClient } = {},
) {
  const client = options.client ?? createTestClient();
  const i18n = createI18n(options.language ?? 'en');
  const registry = createRegistry(options.features ?? []);
  const result = render(
    <Providers client={client} i18n={i18n} registry={registry}>
      {ui}
    </Providers>,
  );
  return { ...result, client, i18n };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (request: RecordedRequest) => { status?: number; body?: unknown } | undefined;

/** Stub fetch with route handlers ("GET /api/v1/auth/me"); unknown routes fail the test loudly. */
export function mockFetch(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(
      Object.entries((init.headers as Record<string, string>) ?? {}).map(([key, value]) => [
        key.toLowerCase(),
        value,
      ]),
    );
    const request: RecordedRequest = {
      method,
      url: url.pathname + url.search,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) {
      throw new Error(`Unexpected request: ${method} ${url.pathname}`);
    }
    const result = handler(request) ?? {};
    const status = result.status ?? 200;
    const text = result.body === undefined ? '' : JSON.stringify(result.body);
    return new Response(status === 204 ? null : text, {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetchMock: fetchMock as typeof fetch, requests };
}
