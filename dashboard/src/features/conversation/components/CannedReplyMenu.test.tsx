import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../lib/query-keys';
import type { CannedReply } from '../../../lib/types';
import { composerModeAtom } from '../../../lib/workspace-state';
import { buildTicket, buildUser } from '../../../test/builders';
import { createTestClient, mockFetch, renderWithProviders } from '../../../test/render';
import { Composer } from './Composer';

afterEach(() => {
  composerModeAtom.reset();
  vi.unstubAllGlobals();
});

const REPLIES: CannedReply[] = [
  {
    id: 'c1',
    shortcut: 'thanks',
    title: 'Thank the customer',
    body: 'Thank you {{contact.name}}! — {{agent.name}}',
    language: null,
    updatedAt: 0,
  },
  {
    id: 'c2',
    shortcut: 'ticket',
    title: 'Ticket number',
    body: 'Your ticket is #{{ticket.number}}.',
    language: 'en',
    updatedAt: 0,
  },
];

function renderComposer() {
  const { fetchMock, requests } = mockFetch({
    'GET /api/v1/canned-replies': () => ({ body: { data: REPLIES } }),
  });
  vi.stubGlobal('fetch', fetchMock);
  const client = createTestClient();
  client.setQueryData(queryKeys.me, buildUser({ name: 'Ana Agent' }));
  renderWithProviders(<Composer ticket={buildTicket({ id: 't_canned', number: 42 })} />, { client });
  const input = screen.getByLabelText('Reply to the customer', {
    selector: 'textarea',
  }) as HTMLTextAreaElement;
  return { input, requests };
}

describe('canned replies in the composer', () => {
  it('opens on / at the start of a word, moves with the arrows and inserts the filled reply on Enter', async () => {
    const { input, requests } = renderComposer();
    fireEvent.change(input, { target: { value: 'Hello /t' } });
    const list = await screen.findByRole('listbox', { name: 'Canned replies' });
    const options = within(list).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      '/thanksThank the customer',
      '/ticketTicket number',
    ]);
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(input.value).toBe('Hello Thank you Carla Customer! — Ana Agent'));
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('filters as the agent types, fills the ticket number, and Escape closes the list', async () => {
    const { input } = renderComposer();
    fireEvent.change(input, { target: { value: '/tick' } });
    const list = await screen.findByRole('listbox', { name: 'Canned replies' });
    expect(within(list).getAllByRole('option')).toHaveLength(1);
    fireEvent.click(within(list).getByRole('option', { name: /Ticket number/ }));
    await waitFor(() => expect(input.value).toBe('Your ticket is #42.'));

    fireEvent.change(input, { target: { value: 'and/or /zz' } });
    expect(await screen.findByText('No canned reply starts with /zz')).toBeTruthy();
    fireEvent.change(input, { target: { value: 'and/or /th' } });
    await screen.findByRole('listbox', { name: 'Canned replies' });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.value).toBe('and/or /th');
    fireEvent.change(input, { target: { value: 'and/or' } });
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
