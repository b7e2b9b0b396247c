import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composerModeAtom } from '../../../lib/workspace-state';
import { buildMessage, buildTicket } from '../../../test/builders';
import { mockFetch, renderWithProviders } from '../../../test/render';
import { Composer } from './Composer';

afterEach(() => {
  composerModeAtom.reset();
  vi.unstubAllGlobals();
});

describe('Composer', () => {
  it('explains the closed 24-hour window and disables free text', () => {
    renderWithProviders(
      <Composer ticket={buildTicket({ id: 't_closed', window: { open: false, expiresAt: null } })} />,
    );
    expect(screen.getByText('The 24-hour window is closed')).toBeTruthy();
    expect(screen.getByText(/only allows an approved template/)).toBeTruthy();
    const input = screen.getByLabelText('Reply to the customer', {
      selector: 'textarea',
    }) as HTMLTextAreaElement;
    expect(input.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('still allows an internal note when the window is closed', () => {
    renderWithProviders(
      <Composer ticket={buildTicket({ id: 't_closed2', window: { open: false, expiresAt: null } })} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Write an internal note instead' }));
    const input = screen.getByLabelText('Internal note', { selector: 'textarea' }) as HTMLTextAreaElement;
    expect(input.disabled).toBe(false);
    expect(screen.queryByText('The 24-hour window is closed')).toBeNull();
  });

  it('sends on Enter with the CSRF header and an idempotency key; Shift+Enter does not send', async () => {
    const { fetchMock, requests } = mockFetch({
      'POST /api/v1/tickets/t_open/messages': (request) => ({
        status: 202,
        body: {
          data: buildMessage(
            { kind: 'text', body: (request.body as { text: string }).text },
            { direction: 'outbound' },
          ),
        },
      }),
      'GET /api/v1/tickets/t_open/messages': () => ({ body: { data: [], nextCursor: null } }),
      'GET /api/v1/tickets/t_open': () => ({ body: buildTicket({ id: 't_open' }) }),
      'GET /api/v1/tickets': () => ({ body: { data: [], nextCursor: null } }),
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<Composer ticket={buildTicket({ id: 't_open' })} />);
    const input = screen.getByLabelText('Reply to the customer', {
      selector: 'textarea',
    }) as HTMLTextAreaElement;

    fireEvent.change(input, { target: { value: 'Hello 👋' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(requests).toHaveLength(0);

    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(requests.some((request) => request.method === 'POST')).toBe(true));
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.headers['x-sightline-csrf']).toBe('1');
    expect(post?.body).toMatchObject({ type: 'text', text: 'Hello 👋' });
    expect(typeof (post?.body as { idempotencyKey?: unknown } | undefined)?.idempotencyKey).toBe('string');
    await waitFor(() => expect(input.value).toBe(''));
  });

  it('explains a window_closed rejection from the server and keeps the draft', async () => {
    const { fetchMock } = mockFetch({
      'POST /api/v1/tickets/t_race/messages': () => ({
        status: 409,
        body: {
          error: {
            kind: 'conflict',
            reason: 'whatsapp.window_closed',
            message: 'window closed',
            requestId: 'r1',
          },
        },
      }),
      'GET /api/v1/tickets/t_race/messages': () => ({ body: { data: [], nextCursor: null } }),
      'GET /api/v1/tickets/t_race': () => ({ body: buildTicket({ id: 't_race' }) }),
      'GET /api/v1/tickets': () => ({ body: { data: [], nextCursor: null } }),
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<Composer ticket={buildTicket({ id: 't_race' })} />);
    const input = screen.getByLabelText('Reply to the customer', {
      selector: 'textarea',
    }) as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: 'Are you there?' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('24-hour window has closed'),
    );
    expect(input.value).toBe('Are you there?');
  });
});
