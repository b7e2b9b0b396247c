import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../app/App';
import { createI18n } from '../../../lib/i18n';
import { createRegistry } from '../../../lib/registry';
import { navigate } from '../../../lib/router';
import type { CannedReply, Role } from '../../../lib/types';
import { buildUser } from '../../../test/builders';
import { createTestClient, mockFetch } from '../../../test/render';
import { cannedRepliesFeature } from '..';

afterEach(() => vi.unstubAllGlobals());

const THANKS: CannedReply = {
  id: 'c1',
  shortcut: 'thanks',
  title: 'Thank the customer',
  body: 'Thank you {{contact.name}}!',
  language: 'en',
  updatedAt: 0,
};

const taken = {
  status: 409,
  body: {
    error: {
      kind: 'conflict',
      reason: 'canned_reply.shortcut_taken',
      message: 'The shortcut /thanks is already used.',
      requestId: 'r1',
      details: { field: 'shortcut' },
    },
  },
};

function start(role: Role) {
  let replies = [THANKS];
  const { fetchMock, requests } = mockFetch({
    'GET /api/v1/auth/me': () => ({ body: { user: buildUser({ role }) } }),
    'GET /api/v1/canned-replies': () => ({ body: { data: replies } }),
    'POST /api/v1/canned-replies': (request) => {
      const input = request.body as CannedReply;
      if (replies.some((reply) => reply.shortcut === input.shortcut)) {
        return taken;
      }
      const created = { ...input, id: 'c2', updatedAt: 1 };
      replies = [...replies, created];
      return { status: 201, body: { data: created } };
    },
    'PATCH /api/v1/canned-replies/c1': (request) => {
      replies = replies.map((reply) =>
        reply.id === 'c1' ? { ...reply, ...(request.body as object) } : reply,
      );
      return { body: { data: replies[0] } };
    },
    'DELETE /api/v1/canned-replies/c1': () => {
      replies = replies.filter((reply) => reply.id !== 'c1');
      return { status: 204 };
    },
  });
  vi.stubGlobal('fetch', fetchMock);
  navigate('/settings/canned-replies');
  const registry = createRegistry([cannedRepliesFeature]);
  render(<App client={createTestClient()} i18n={createI18n('en')} registry={registry} />);
  return requests;
}

describe('canned replies screen', () => {
  it('is hidden from agents', async () => {
    start('agent');
    expect(await screen.findByText('This page does not exist.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Canned replies' })).toBeNull();
  });

  it('lets a supervisor create one, with the server’s refusal shown at the field', async () => {
    const requests = start('supervisor');
    expect(await screen.findByRole('link', { name: 'Canned replies' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Canned replies' });
    expect(within(list).getByText('/thanks')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'New canned reply' }));
    const dialog = await screen.findByRole('dialog', { name: 'New canned reply' });
    const shortcut = within(dialog).getByRole('textbox', { name: /Shortcut/ });
    expect(document.activeElement).toBe(shortcut);
    fireEvent.change(shortcut, { target: { value: 'thanks' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title' }), { target: { value: 'Bye' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Text/ }), {
      target: { value: 'Bye {{contact.name}}, {{agent.name}} here.' },
    });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Language' }), { target: { value: 'fr' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(shortcut.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('The shortcut /thanks is already used.').id).toBe(
      shortcut.getAttribute('aria-describedby'),
    );

    fireEvent.change(shortcut, { target: { value: 'bye' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.filter((request) => request.method === 'POST').at(-1)?.body).toEqual({
      shortcut: 'bye',
      title: 'Bye',
      body: 'Bye {{contact.name}}, {{agent.name}} here.',
      language: 'fr',
    });
    expect(await within(list).findByText('/bye')).toBeTruthy();
  });

  it('lets a supervisor edit and, after confirming, delete one', async () => {
    const requests = start('admin');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit /thanks' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit /thanks' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Say thanks' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Say thanks')).toBeTruthy();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toMatchObject({
      title: 'Say thanks',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Edit /thanks' }));
    const again = await screen.findByRole('dialog', { name: 'Edit /thanks' });
    fireEvent.click(within(again).getByRole('button', { name: 'Delete' }));
    expect(requests.some((request) => request.method === 'DELETE')).toBe(false);
    fireEvent.click(within(again).getByRole('button', { name: 'Delete /thanks for everyone' }));
    expect(await screen.findByText('No canned replies yet.')).toBeTruthy();
  });
});
