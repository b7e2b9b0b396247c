import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composerModeAtom } from '../../../lib/workspace-state';
import { buildMessage, buildTicket } from '../../../test/builders';
import { mockFetch, type RecordedRequest, renderWithProviders } from '../../../test/render';
import { Composer } from '../../conversation/components/Composer';
import { mediaFeature } from '../index';

afterEach(() => {
  composerModeAtom.reset();
  vi.unstubAllGlobals();
});

type Reply = { status?: number; body?: unknown };

function uploaded(id: string, kind: string, filename: string, size: number): Reply {
  return { status: 201, body: { data: { id, kind, state: 'stored', filename, size, urls: null } } };
}

function refused(status: number, reason: string): Reply {
  const kind = status === 413 ? 'payload_too_large' : 'unprocessable';
  return { status, body: { error: { kind, reason, message: 'refused', requestId: 'r1' } } };
}

/** The composer with the media feature, a fetch that records bodies (FormData included) and the given upload answers. */
function setUp(ticketId: string, uploads: Reply[], options: { windowOpen?: boolean } = {}) {
  const forms: FormData[] = [];
  const { fetchMock, requests } = mockFetch({
    'POST /api/v1/media': () => uploads.shift(),
    [`POST /api/v1/tickets/${ticketId}/messages`]: () => ({
      status: 202,
      body: { data: buildMessage({ kind: 'text', body: 'x' }, { direction: 'outbound' }) },
    }),
    [`GET /api/v1/tickets/${ticketId}/messages`]: () => ({ body: { data: [], nextCursor: null } }),
    [`GET /api/v1/tickets/${ticketId}`]: () => ({ body: buildTicket({ id: ticketId }) }),
    'GET /api/v1/tickets': () => ({ body: { data: [], nextCursor: null } }),
  });
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.body instanceof FormData) {
      forms.push(init.body);
    }
    return fetchMock(input, init);
  });
  const ticket = buildTicket({
    id: ticketId,
    ...(options.windowOpen === false ? { window: { open: false, expiresAt: null } } : {}),
  });
  renderWithProviders(<Composer ticket={ticket} />, { features: [mediaFeature] });
  const posts = (path: string) =>
    requests.filter((r: RecordedRequest) => r.method === 'POST' && r.url === path);
  return { forms, requests, posts };
}

const dropFiles = (files: File[]) =>
  fireEvent.drop(screen.getByTestId('composer-drop-zone'), { dataTransfer: { files, types: ['Files'] } });

const photo = () => new File([new Uint8Array(2048)], 'leak.jpg', { type: 'image/jpeg' });

describe('attachments on the composer', () => {
  it('uploads a dropped file as multipart with the CSRF header, shows a chip and removes it', async () => {
    const { forms, posts } = setUp('t_drop', [uploaded('med_1', 'image', 'leak.jpg', 2048)]);
    const zone = screen.getByTestId('composer-drop-zone');
    fireEvent.dragOver(zone, { dataTransfer: { types: ['Files'], dropEffect: 'none' } });
    expect(screen.getByText('Drop a file to attach it')).toBeTruthy();
    dropFiles([photo()]);
    expect(screen.queryByText('Drop a file to attach it')).toBeNull();

    const chips = await screen.findByRole('list', { name: 'Attachments' });
    await waitFor(() => expect(within(chips).getByText('2 KB')).toBeTruthy());
    expect(within(chips).getByText('leak.jpg')).toBeTruthy();
    const upload = posts('/api/v1/media')[0];
    expect(upload?.headers['x-sightline-csrf']).toBe('1');
    expect(upload?.headers['content-type']).toBeUndefined();
    expect((forms[0]!.get('file') as File).name).toBe('leak.jpg');

    fireEvent.click(within(chips).getByRole('button', { name: 'Remove leak.jpg' }));
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
  });

  it('sends the photo as a media reply with the typed text as its caption', async () => {
    const { posts } = setUp('t_send', [uploaded('med_2', 'image', 'leak.jpg', 2048)]);
    fireEvent.change(screen.getByLabelText('Reply to the customer', { selector: 'textarea' }), {
      target: { value: 'Here is the part' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Attach file' }));
    const input = screen
      .getByTestId('composer-drop-zone')
      .querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [photo()] } });
    const send = screen.getByRole('button', { name: /Send/ }) as HTMLButtonElement;
    await waitFor(() => expect(send.disabled).toBe(false));
    fireEvent.click(send);

    await waitFor(() => expect(posts('/api/v1/tickets/t_send/messages')).toHaveLength(1));
    const reply = posts('/api/v1/tickets/t_send/messages')[0];
    expect(reply?.body).toMatchObject({ type: 'media', mediaId: 'med_2', caption: 'Here is the part' });
    expect(typeof (reply!.body as { idempotencyKey?: unknown }).idempotencyKey).toBe('string');
    expect(reply?.headers['x-sightline-csrf']).toBe('1');
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull());
    expect(
      (screen.getByLabelText('Reply to the customer', { selector: 'textarea' }) as HTMLTextAreaElement).value,
    ).toBe('');
  });

  it('sends audio without a caption and the text as its own message', async () => {
    const { posts } = setUp('t_audio', [uploaded('med_3', 'audio', 'note.ogg', 4096)]);
    fireEvent.change(screen.getByLabelText('Reply to the customer', { selector: 'textarea' }), {
      target: { value: 'Listen to this' },
    });
    dropFiles([new File([new Uint8Array(4096)], 'note.ogg', { type: 'audio/ogg' })]);
    const send = screen.getByRole('button', { name: /Send/ }) as HTMLButtonElement;
    await waitFor(() => expect(send.disabled).toBe(false));
    fireEvent.click(send);
    await waitFor(() => expect(posts('/api/v1/tickets/t_audio/messages')).toHaveLength(2));
    const [media, text] = posts('/api/v1/tickets/t_audio/messages').map((r) => r.body);
    expect(media).toMatchObject({ type: 'media', mediaId: 'med_3' });
    expect(media).not.toHaveProperty('caption');
    expect(text).toMatchObject({ type: 'text', text: 'Listen to this' });
  });

  it('explains the server refusing a file that is too large or not what it claims', async () => {
    setUp('t_refused', [refused(413, 'media.too_large'), refused(422, 'media.type_mismatch')]);
    dropFiles([new File(['x'], 'huge.mp4', { type: 'video/mp4' })]);
    expect(await screen.findByText(/huge\.mp4 is too large for WhatsApp/)).toBeTruthy();
    dropFiles([new File(['MZ'], 'photo.jpg', { type: 'image/jpeg' })]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'photo.jpg is not what its name or type says it is, so it cannot be sent.',
    );
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
  });

  it('cannot attach while the 24-hour window is closed', () => {
    const { requests } = setUp('t_closed_attach', [], { windowOpen: false });
    expect((screen.getByRole('button', { name: 'Attach file' }) as HTMLButtonElement).disabled).toBe(true);
    dropFiles([photo()]);
    expect(requests).toHaveLength(0);
  });

  it('speaks the agent’s language', () => {
    vi.stubGlobal('fetch', mockFetch({}).fetchMock);
    renderWithProviders(<Composer ticket={buildTicket({ id: 't_fr' })} />, {
      features: [mediaFeature],
      language: 'fr',
    });
    expect(screen.getByRole('button', { name: 'Joindre un fichier' })).toBeTruthy();
  });
});
