import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../lib/i18n';
import { navigate } from '../lib/router';
import { buildTicket, buildUser } from '../test/builders';
import { createTestClient, mockFetch } from '../test/render';
import { App } from './App';
import { registry } from './features';

afterEach(() => vi.unstubAllGlobals());

const ticket = buildTicket({ id: 't1', unread: true, lastMessagePreview: 'My order never arrived' });

function serverRoutes(signedIn: { value: boolean }) {
  return mockFetch({
    'GET /api/v1/auth/me': () =>
      signedIn.value
        ? { body: { user: buildUser() } }
        : {
            status: 401,
            body: {
              error: { kind: 'unauthenticated', reason: 'auth.no_session', message: 'no', requestId: 'r' },
            },
          },
    'POST /api/v1/auth/login': (request) => {
      const body = request.body as { email: string; password: string };
      if (body.password !== 'secret') {
        return {
          status: 401,
          body: { error: { kind: 'unauthenticated', reason: 'auth.invalid', message: 'no', requestId: 'r' } },
        };
      }
      signedIn.value = true;
      return { body: { user: buildUser({ language: 'en' }) } };
    },
    'GET /api/v1/tickets/counts': () => ({
      body: { mine: 3, unassigned: 12_345, my_teams: 0, all: 12_348, pending: 1, solved: 9 },
    }),
    'GET /api/v1/tickets': () => ({ body: { data: [ticket], nextCursor: null } }),
    'GET /api/v1/users': () => ({ body: { data: [buildUser()] } }),
    'GET /api/v1/teams': () => ({ body: { data: [] } }),
  });
}

describe('App', () => {
  it('shows the login page without a session, signs in, and lands in the inbox with counts', async () => {
    const signedIn = { value: false };
    const { fetchMock, requests } = serverRoutes(signedIn);
    vi.stubGlobal('fetch', fetchMock);
    navigate('/inbox/mine');
    render(<App client={createTestClient()} i18n={createI18n('en')} registry={registry} />);

    await screen.findByRole('heading', { name: 'Sign in' });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Email or password is incorrect.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('navigation', { name: 'Views' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTitle('12,345').textContent).toBe('12.3K'));
    const login = requests.find((request) => request.url === '/api/v1/auth/login');
    expect(login?.headers['x-sightline-csrf']).toBe('1');
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('serves the customer phone without a session', async () => {
    const { fetchMock } = mockFetch({
      'GET /simulator/api/customers': () => ({ body: { data: [{ waId: '33611111111', name: 'Zoé' }] } }),
    });
    vi.stubGlobal('fetch', fetchMock);
    navigate('/phone');
    render(<App client={createTestClient()} i18n={createI18n('en')} registry={registry} />);
    expect(await screen.findByRole('heading', { name: 'Customer phone (demo)' })).toBeTruthy();
    expect(await screen.findByText('Zoé')).toBeTruthy();
  });
});
