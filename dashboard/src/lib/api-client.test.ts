import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../test/render';
import { ApiError, api, onUnauthenticated } from './api-client';

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('sends the CSRF header on mutations only', async () => {
    const { fetchMock, requests } = mockFetch({
      'GET /api/v1/users': () => ({ body: { data: [] } }),
      'PATCH /api/v1/tickets/t1': () => ({ body: {} }),
      'POST /api/v1/tickets/t1/read': () => ({ status: 204 }),
    });
    vi.stubGlobal('fetch', fetchMock);
    await api.get('/users');
    await api.patch('/tickets/t1', { status: 'solved' });
    await expect(api.post('/tickets/t1/read')).resolves.toBeUndefined();
    expect(requests[0]?.headers['x-sightline-csrf']).toBeUndefined();
    expect(requests[1]?.headers['x-sightline-csrf']).toBe('1');
    expect(requests[2]?.headers['x-sightline-csrf']).toBe('1');
  });

  it('turns error bodies into ApiError and tells listeners about 401', async () => {
    const { fetchMock } = mockFetch({
      'GET /api/v1/tickets': () => ({
        status: 401,
        body: {
          error: {
            kind: 'unauthenticated',
            reason: 'session.expired',
            message: 'Sign in again',
            requestId: 'req_1',
          },
        },
      }),
    });
    vi.stubGlobal('fetch', fetchMock);
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    const error = await api.get('/tickets').catch((caught: unknown) => caught);
    stop();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 401,
      kind: 'unauthenticated',
      reason: 'session.expired',
      requestId: 'req_1',
    });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
