import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTicket } from '../../../test/builders';
import { mockFetch, renderWithProviders } from '../../../test/render';
import type { MediaText, Suggestions } from '../api';
import { MediaTextPanel } from './MediaTextPanel';
import { SuggestionsPanel } from './SuggestionsPanel';

const ticket = buildTicket({ id: 't1' });
const text = 'Card •••• 4242 declined: E-4012';
const mediaTexts: MediaText[] = [
  {
    mediaId: 'm1',
    messageId: 'msg1',
    kind: 'ocr',
    state: 'done',
    engine: 'tesseract',
    language: 'en',
    text,
    signals: [
      { kind: 'card', value: '•••• 4242', start: 5, end: 14 },
      { kind: 'error_code', value: 'E-4012', start: 25, end: 31 },
    ],
    confidence: 0.9,
    durationMs: 420,
    reason: null,
  },
  {
    mediaId: 'm2',
    messageId: 'msg2',
    kind: 'transcript',
    state: 'no_engine',
    engine: null,
    language: null,
    text: null,
    signals: [],
    confidence: null,
    durationMs: null,
    reason: null,
  },
];
const suggestions: Suggestions = {
  category: 'payment_failed',
  categoryConfidence: 0.83,
  signals: [{ kind: 'error_code', value: 'E-4012' }],
  data: [
    {
      articleId: 'a1',
      category: 'payment_failed',
      language: 'fr',
      title: 'Erreur de paiement E-4012',
      steps: ['Vérifiez la carte.'],
      score: 9,
      confidence: 0.95,
      matchedCodes: ['E-4012'],
      categoryMatch: true,
    },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('knowledge panels', () => {
  it('highlights codes and masked numbers in media text, and says when there is no speech engine', async () => {
    vi.stubGlobal(
      'fetch',
      mockFetch({ 'GET /api/v1/tickets/t1/media-texts': () => ({ body: { data: mediaTexts } }) }).fetchMock,
    );
    renderWithProviders(<MediaTextPanel ticket={ticket} />);
    const code = await screen.findByText('E-4012');
    expect(code.tagName).toBe('MARK');
    expect(code.dataset.kind).toBe('error_code');
    expect(screen.getByText('•••• 4242').dataset.kind).toBe('card');
    expect(screen.getByText('No speech engine installed: no transcript.')).toBeTruthy();
    expect(screen.getByText('tesseract · 420 ms')).toBeTruthy();
  });

  it('shows the category and sends an article in one click, once', async () => {
    const { fetchMock, requests } = mockFetch({
      'GET /api/v1/tickets/t1/suggestions': () => ({ body: suggestions }),
      'POST /api/v1/tickets/t1/suggestions/a1/send': () => ({ status: 202, body: { data: {} } }),
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SuggestionsPanel ticket={ticket} />, { language: 'fr' });
    expect(await screen.findByText('Échec de paiement')).toBeTruthy();
    expect(screen.getByText('Sûr à 83 %')).toBeTruthy();
    const send = screen.getByRole('button', { name: 'Envoyer: Erreur de paiement E-4012' });
    fireEvent.click(send);
    await vi.waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    await vi.waitFor(() => expect((send as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(send);
    await vi.waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2));
    const [first, second] = requests.filter((r) => r.method === 'POST');
    expect((first!.body as { idempotencyKey: string }).idempotencyKey).toBe(
      (second!.body as { idempotencyKey: string }).idempotencyKey,
    );
  });
});
