import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../lib/types';
import { buildMessage, buildTicket, buildUser } from '../../../test/builders';
import { mockFetch, type RecordedRequest, renderWithProviders } from '../../../test/render';
import { TEMPLATES } from '../../../test/templates';
import { Composer } from './Composer';

afterEach(() => vi.unstubAllGlobals());

const missingValue = {
  status: 400,
  body: {
    error: {
      kind: 'invalid_input',
      reason: 'template.parameter_missing',
      message: 'parameters.body.2: a value is required',
      requestId: 'r1',
      details: { field: 'parameters.body.2' },
    },
  },
};

function serve(
  ticketId: string,
  answer: (request: RecordedRequest) => { status?: number; body?: unknown },
  options: { role?: Role; synced?: boolean } = {},
) {
  let synced = options.synced ?? true;
  const { fetchMock, requests } = mockFetch({
    'GET /api/v1/auth/me': () => ({ body: { user: buildUser({ role: options.role ?? 'agent' }) } }),
    'GET /api/v1/templates': () => ({ body: { data: synced ? TEMPLATES : [] } }),
    'POST /api/v1/templates/sync': () => {
      synced = true;
      return { body: { data: { count: TEMPLATES.length, syncedAt: 1 } } };
    },
    [`POST /api/v1/tickets/${ticketId}/messages`]: answer,
    [`GET /api/v1/tickets/${ticketId}/messages`]: () => ({ body: { data: [], nextCursor: null } }),
    'GET /api/v1/tickets': () => ({ body: { data: [], nextCursor: null } }),
  });
  vi.stubGlobal('fetch', fetchMock);
  return () => requests.filter((request) => request.method === 'POST' && request.url.includes('/messages'));
}

const posted = (request: RecordedRequest | undefined) =>
  request?.body as { parameters: unknown; idempotencyKey: string } | undefined;

describe('template picker', () => {
  it('offers templates in the ticket language first, fills them with a preview, and shows errors at the field', async () => {
    let attempt = 0;
    const posts = serve('t_fr', () => {
      attempt += 1;
      return attempt === 1
        ? missingValue
        : {
            status: 202,
            body: { data: buildMessage(TEMPLATE_SENT, { direction: 'outbound' }) },
          };
    });
    const ticket = buildTicket({ id: 't_fr', language: 'fr', window: { open: false, expiresAt: null } });
    renderWithProviders(<Composer ticket={ticket} />);

    fireEvent.click(screen.getByRole('button', { name: 'Send a template' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send a template' });
    const search = within(dialog).getByRole('searchbox', { name: 'Search templates by name' });
    expect(document.activeElement).toBe(search);
    const customer = await within(dialog).findByRole('region', { name: 'In the customer’s language (fr)' });
    const options = within(customer).getAllByRole('button');
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringContaining('spring_sale fr_FR'),
      expect.stringContaining('ticket_update fr'),
    ]);
    expect(options[0]?.getAttribute('aria-disabled')).toBe('true');
    expect(within(customer).getByText(/Cannot be sent: .*PENDING/)).toBeTruthy();
    fireEvent.click(options[0] as HTMLElement);
    expect(within(dialog).queryByRole('form')).toBeNull();

    fireEvent.change(search, { target: { value: 'welcome' } });
    expect(
      within(dialog)
        .getAllByRole('button', { name: /_/ })
        .map((option) => option.textContent),
    ).toEqual([expect.stringContaining('welcome_back en_US')]);
    fireEvent.change(search, { target: { value: 'update' } });
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toContain('ticket_update fr');
    fireEvent.click(document.activeElement as HTMLElement);

    const first = within(dialog).getByRole('textbox', { name: 'Value for {{1}}' });
    await waitFor(() => expect(document.activeElement).toBe(first));
    fireEvent.change(first, { target: { value: 'Amélie' } });
    const preview = within(dialog).getByRole('region', { name: 'Preview' });
    expect(preview.textContent).toContain('Bonjour Amélie, votre demande {{2}} a été mise à jour.');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Send template' }));
    const second = within(dialog).getByRole('textbox', { name: 'Value for {{2}}' });
    await waitFor(() => expect(second.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('a value is required').id).toBe(second.getAttribute('aria-describedby'));
    expect(document.activeElement).toBe(second);

    fireEvent.change(second, { target: { value: 'TCK-77' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send template' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [failed, sent] = posts();
    expect(sent?.body).toMatchObject({
      type: 'template',
      name: 'ticket_update',
      language: 'fr',
      parameters: { body: { '1': 'Amélie', '2': 'TCK-77' } },
    });
    expect(posted(failed)?.idempotencyKey).not.toBe(posted(sent)?.idempotencyKey);
  });

  it('is in the toolbar while the window is open, and retries keep the idempotency key', async () => {
    const posts = serve('t_en', () => ({
      status: 502,
      body: { error: { kind: 'upstream_failed', reason: 'x', message: 'Meta is down', requestId: 'r' } },
    }));
    renderWithProviders(<Composer ticket={buildTicket({ id: 't_en', language: 'en' })} />);
    expect(screen.queryByRole('button', { name: 'Send a template' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Insert a template' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send a template' });
    const customer = await within(dialog).findByRole('region', { name: 'In the customer’s language (en)' });
    fireEvent.click(within(customer).getByRole('button', { name: /welcome_back/ }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Value for {{1}}' }), {
      target: { value: 'Sam' },
    });
    expect(within(dialog).getByRole('region', { name: 'Preview' }).textContent).toContain(
      'Welcome back, Sam!',
    );
    const send = within(dialog).getByRole('button', { name: 'Send template' });
    fireEvent.click(send);
    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', 'Not sent: Meta is down');
    fireEvent.click(send);
    await waitFor(() => expect(posts()).toHaveLength(2));
    expect(posted(posts()[0])?.parameters).toEqual({ header: { '1': 'Sam' } });
    expect(posted(posts()[1])?.idempotencyKey).toBe(posted(posts()[0])?.idempotencyKey);

    expect(within(dialog).queryByRole('button', { name: 'Sync from WhatsApp' })).toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lets a supervisor sync the templates from WhatsApp when none are there yet', async () => {
    serve('t_sync', () => ({ status: 500 }), { role: 'supervisor', synced: false });
    renderWithProviders(<Composer ticket={buildTicket({ id: 't_sync', language: 'en' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Insert a template' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send a template' });
    expect(await within(dialog).findByText(/No template matches/)).toBeTruthy();
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Sync from WhatsApp' }));
    expect(
      await within(dialog).findByRole('region', { name: 'In the customer’s language (en)' }),
    ).toBeTruthy();
  });
});

const TEMPLATE_SENT = {
  kind: 'template' as const,
  name: 'ticket_update',
  languageCode: 'fr',
  components: [],
  body: 'Bonjour Amélie, votre demande TCK-77 a été mise à jour.',
};
