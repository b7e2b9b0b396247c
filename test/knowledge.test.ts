import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/kernel/index.ts';
import { createTesseractJsOcr, findTranscriber } from '../src/knowledge/index.ts';
import { testDialects } from './support/databases.ts';
import { eventually, startTestServer, type TestServer } from './support/harness.ts';
import { loadMediaFixtures } from './support/media-fixtures.ts';
import { renderScreenshot, renderTextPdf } from './support/screenshots.ts';

interface MediaTextView {
  mediaId: string;
  kind: string;
  state: string;
  engine: string | null;
  text: string | null;
  signals: { kind: string; value: string; start: number; end: number }[];
  durationMs: number | null;
}
interface SuggestionsBody {
  category: string | null;
  categoryConfidence: number | null;
  signals: { kind: string; value: string }[];
  data: { articleId: string; title: string; language: string; confidence: number; matchedCodes: string[] }[];
}

const CARD = '4242 4242 4242 4242';

describe.each(testDialects)('knowledge through the simulator (%s)', (dialect) => {
  let server: TestServer;
  let agentToken: string;
  let counter = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    agentToken = (await server.runtime.auth.tokens.create({ name: 'agent', role: 'agent', userId: null }))
      .token;
    // The bot stays quiet here, so what the agent sends is all the customer receives.
    const settings = await server.api<{ data: Record<string, unknown> }>('GET', '/api/v1/kb/settings');
    await server.api('PUT', '/api/v1/kb/settings', { ...settings.body.data, autoSendThreshold: null });
  });
  afterAll(async () => {
    await server?.close();
  });

  const newCustomer = () => {
    counter += 1;
    return server.simulator.customer({
      waId: `3362000${dialect === 'sqlite' ? 1 : 2}${String(counter).padStart(3, '0')}`,
      name: 'Inès',
    });
  };
  const ticketIdOf = (waId: string) =>
    eventually(async () => {
      const list = await server.api<{ data: { id: string; contact: { waId: string } }[] }>(
        'GET',
        `/api/v1/tickets?q=${waId}`,
      );
      return list.body.data.find((t) => t.contact.waId === waId)?.id;
    });
  const mediaTexts = async (ticketId: string, token?: string) =>
    (
      await server.api<{ data: MediaTextView[] }>(
        'GET',
        `/api/v1/tickets/${ticketId}/media-texts`,
        undefined,
        token ? { authorization: `Bearer ${token}` } : {},
      )
    ).body.data;
  const settledText = (ticketId: string, kind: string) =>
    eventually(async () => (await mediaTexts(ticketId)).find((m) => m.kind === kind), 30_000);

  it('reads the error code from a screenshot, sorts the ticket and suggests the matching article', async () => {
    const customer = newCustomer();
    const png = await renderScreenshot([
      'Payment failed',
      'Error E-4012: card declined by the bank',
      `Card ${CARD}`,
    ]);
    customer.sendImage({ data: png, mimeType: 'image/png' });
    const ticketId = await ticketIdOf(customer.waId!);

    const read = await settledText(ticketId, 'ocr');
    expect(read).toMatchObject({ state: 'done', engine: expect.stringMatching(/tesseract/) });
    expect(read.text).toContain('E-4012');
    expect(read.signals).toContainEqual(expect.objectContaining({ kind: 'error_code', value: 'E-4012' }));
    expect(read.durationMs).toBeGreaterThan(0);

    const suggestions = await eventually(async () => {
      const body = (await server.api<SuggestionsBody>('GET', `/api/v1/tickets/${ticketId}/suggestions`)).body;
      return body.category ? body : undefined;
    }, 15_000);
    expect(suggestions.category).toBe('payment_failed');
    expect(suggestions.categoryConfidence).toBeGreaterThan(0.5);
    expect(suggestions.data[0]).toMatchObject({ matchedCodes: ['E-4012'], language: 'en' });
    expect(suggestions.data[0]!.title).toContain('E-4012');
    const ticket = await server.store.db
      .selectFrom('tickets')
      .select(['category', 'category_confidence'])
      .where('id', '=', ticketId)
      .executeTakeFirstOrThrow();
    expect(ticket.category).toBe('payment_failed');

    const sent = await server.api<{ data: { body: string; authorType: string } }>(
      'POST',
      `/api/v1/tickets/${ticketId}/suggestions/${suggestions.data[0]!.articleId}/send`,
      { idempotencyKey: `kb-send-${ticketId}` },
    );
    expect(sent.status).toBe(202);
    expect(sent.body.data.body).toContain('E-4012');
    await eventually(() => customer.inbox().find((m) => m.preview.includes('E-4012')));
  });

  it('learns the customer’s language from a screenshot and suggests the article in it', async () => {
    const customer = newCustomer();
    const png = await renderScreenshot([
      'Échec du paiement',
      'Erreur E-4012 : votre carte a été refusée par la banque.',
      'Veuillez essayer un autre moyen de paiement.',
    ]);
    customer.sendImage({ data: png, mimeType: 'image/png' });
    const ticketId = await ticketIdOf(customer.waId!);
    await settledText(ticketId, 'ocr');
    const ticket = await server.api<{ contact: { language: string | null } }>(
      'GET',
      `/api/v1/tickets/${ticketId}`,
    );
    expect(ticket.body.contact.language).toBe('fr');
    const suggestions = await eventually(async () => {
      const body = (await server.api<SuggestionsBody>('GET', `/api/v1/tickets/${ticketId}/suggestions`)).body;
      return body.category ? body : undefined;
    }, 15_000);
    expect(suggestions.data[0]).toMatchObject({ language: 'fr', matchedCodes: ['E-4012'] });
    expect(suggestions.data[0]!.title).toContain('Erreur de paiement');
  });

  it('reads the first page of a PDF document', async () => {
    const customer = newCustomer();
    const pdf = renderTextPdf(['Installation report', 'Router setup stopped with ERR_CONNECTION_REFUSED']);
    customer.sendDocument({ data: pdf, mimeType: 'application/pdf', filename: 'report.pdf' });
    const ticketId = await ticketIdOf(customer.waId!);
    const read = await settledText(ticketId, 'ocr');
    expect(read.state).toBe('done');
    expect(read.signals).toContainEqual(
      expect.objectContaining({ kind: 'error_code', value: 'ERR_CONNECTION_REFUSED' }),
    );
  });

  it('reads nothing when the business switched OCR off', async () => {
    const settings = await server.api<{ data: Record<string, unknown> }>('GET', '/api/v1/kb/settings');
    await server.api('PUT', '/api/v1/kb/settings', { ...settings.body.data, ocr: false });
    try {
      const customer = newCustomer();
      customer.sendImage({ data: await renderScreenshot(['Error E-4012']), mimeType: 'image/png' });
      const ticketId = await ticketIdOf(customer.waId!);
      const mediaId = await eventually(async () => {
        const messages = await server.api<{ data: { media?: { id: string; state: string } | null }[] }>(
          'GET',
          `/api/v1/tickets/${ticketId}/messages`,
        );
        const media = messages.body.data[0]?.media;
        return media?.state === 'stored' ? media.id : undefined;
      });
      // Run the job by hand too: whenever it runs while OCR is off, it stores nothing.
      const ocr = server.runtime.knowledge.jobs.find((job) => job.name === 'knowledge.ocr')!;
      await ocr.handler({ mediaId }, { jobId: 'test', attempt: 1, logger: silentLogger });
      expect(await mediaTexts(ticketId)).toEqual([]);
    } finally {
      await server.api('PUT', '/api/v1/kb/settings', settings.body.data);
    }
  });

  it('masks card numbers for agents and shows them to admins', async () => {
    const customer = newCustomer();
    customer.sendText(`My card ${CARD} was refused, IBAN FR14 2004 1010 0505 0001 3M02 606`);
    const png = await renderScreenshot(['Payment declined', `Card ${CARD}`]);
    customer.sendImage({ data: png, mimeType: 'image/png' });
    const ticketId = await ticketIdOf(customer.waId!);
    await settledText(ticketId, 'ocr');

    const asAgent = (await mediaTexts(ticketId, agentToken))[0]!;
    expect(asAgent.text).toContain('•••• 4242');
    expect(asAgent.text).not.toContain(CARD);
    const masked = asAgent.signals.find((s) => s.kind === 'card')!;
    expect(asAgent.text!.slice(masked.start, masked.end)).toBe('•••• 4242');
    const asAdmin = (await mediaTexts(ticketId))[0]!;
    expect(asAdmin.text).toContain(CARD);

    const agentView = await server.api<SuggestionsBody>(
      'GET',
      `/api/v1/tickets/${ticketId}/suggestions`,
      undefined,
      {
        authorization: `Bearer ${agentToken}`,
      },
    );
    expect(agentView.body.signals).toContainEqual({ kind: 'card', value: '•••• 4242' });
    expect(agentView.body.signals).toContainEqual({ kind: 'iban', value: 'FR14 •••• 2606' });
    expect(JSON.stringify(agentView.body)).not.toContain('4242 4242');
    const adminView = await server.api<SuggestionsBody>('GET', `/api/v1/tickets/${ticketId}/suggestions`);
    expect(adminView.body.signals).toContainEqual({ kind: 'card', value: CARD });
  });

  it('transcribes a voice note with the installed engine', async () => {
    const fx = await loadMediaFixtures();
    const customer = newCustomer();
    customer.sendAudio({ data: fx.ogg, mimeType: 'audio/ogg; codecs=opus', voice: true });
    const ticketId = await ticketIdOf(customer.waId!);
    const transcript = await settledText(ticketId, 'transcript');
    if (findTranscriber()) {
      expect(transcript).toMatchObject({
        engine: 'pocketsphinx',
        state: expect.stringMatching(/^(done|empty)$/),
      });
    } else {
      expect(transcript).toMatchObject({ engine: null, state: 'no_engine' });
    }
  });

  it('lets the bot send the article by itself when the match is sure', async () => {
    const settings = await server.api<{ data: Record<string, unknown> }>('GET', '/api/v1/kb/settings');
    await server.api('PUT', '/api/v1/kb/settings', { ...settings.body.data, autoSendThreshold: 0.8 });
    try {
      const customer = newCustomer();
      customer.sendText('The payment failed again, the app shows error E-4012');
      const received = await eventually(
        () => customer.inbox().find((m) => m.preview.includes('E-4012')),
        15_000,
      );
      expect(received.preview).toContain('3-D Secure');
    } finally {
      await server.api('PUT', '/api/v1/kb/settings', { ...settings.body.data, autoSendThreshold: null });
    }
  });

  it('validates articles and names the field', async () => {
    const valid = {
      category: 'installation',
      keywords: ['router'],
      errorCodes: [],
      translations: [{ language: 'en', title: 'Set up the router', steps: ['Plug it in.'] }],
    };
    const cases: [unknown, string][] = [
      [{ ...valid, translations: [{ title: 'x', steps: ['y'] }] }, 'translations.0.language'],
      [{ ...valid, translations: [{ ...valid.translations[0], steps: [] }] }, 'translations.0.steps'],
      [
        { ...valid, translations: [{ ...valid.translations[0], title: 'x'.repeat(201) }] },
        'translations.0.title',
      ],
      [{ ...valid, category: 'weather' }, 'category'],
    ];
    for (const [body, field] of cases) {
      const response = await server.api<{ error: { kind: string; message: string } }>(
        'POST',
        '/api/v1/kb/articles',
        body,
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(`${field}:`);
    }
    const asAgent = await server.api('POST', '/api/v1/kb/articles', valid, {
      authorization: `Bearer ${agentToken}`,
    });
    expect(asAgent.status).toBe(403);

    const created = await server.api<{ data: { id: string } }>('POST', '/api/v1/kb/articles', valid);
    expect(created.status).toBe(201);
    const updated = await server.api<{ data: { translations: { language: string }[] } }>(
      'PUT',
      `/api/v1/kb/articles/${created.body.data.id}`,
      {
        ...valid,
        translations: [
          ...valid.translations,
          { language: 'fr', title: 'Installer la box', steps: ['Branchez-la.'] },
        ],
      },
    );
    expect(updated.body.data.translations.map((t) => t.language)).toEqual(['en', 'fr']);
    const list = await server.api<{ data: unknown[] }>(
      'GET',
      '/api/v1/kb/articles?category=installation',
      undefined,
      {
        authorization: `Bearer ${agentToken}`,
      },
    );
    expect(list.body.data).toHaveLength(1);
    expect((await server.api('DELETE', `/api/v1/kb/articles/${created.body.data.id}`)).status).toBe(204);
    const badRules = await server.api<{ error: { message: string } }>('PUT', '/api/v1/kb/settings', {
      rules: [{ category: 'app_error', language: 'en', patterns: ['(unclosed'] }],
    });
    expect(badRules.status).toBe(400);
    expect(badRules.body.error.message).toContain('rules.0.patterns.0:');
  });
});

describe.each(testDialects)('without native engines: tesseract.js and no speech engine (%s)', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, {
      knowledge: { ocr: createTesseractJsOcr(), transcriber: null },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const textsOf = async (waId: string) => {
    const list = await server.api<{ data: { id: string }[] }>('GET', `/api/v1/tickets?q=${waId}`);
    const ticketId = list.body.data[0]?.id;
    return ticketId
      ? (await server.api<{ data: MediaTextView[] }>('GET', `/api/v1/tickets/${ticketId}/media-texts`)).body
          .data
      : [];
  };

  it('reads a screenshot with tesseract.js and its npm language data', async () => {
    const customer = server.simulator.customer({
      waId: `33640000${dialect === 'sqlite' ? 1 : 2}01`,
      name: 'Léa',
    });
    customer.sendImage({
      data: await renderScreenshot(['Payment failed', 'Error E-4012']),
      mimeType: 'image/png',
    });
    const read = await eventually(async () => (await textsOf(customer.waId!))[0], 30_000);
    expect(read).toMatchObject({ kind: 'ocr', state: 'done', engine: 'tesseract.js' });
    expect(read.signals).toContainEqual(expect.objectContaining({ kind: 'error_code', value: 'E-4012' }));
  });

  it('stores a clear no_engine state for a voice note', async () => {
    const fx = await loadMediaFixtures();
    const customer = server.simulator.customer({
      waId: `33630000${dialect === 'sqlite' ? 1 : 2}01`,
      name: 'Marco',
    });
    customer.sendAudio({ data: fx.ogg, mimeType: 'audio/ogg; codecs=opus', voice: true });
    const state = await eventually(async () => (await textsOf(customer.waId!))[0], 15_000);
    expect(state).toMatchObject({ kind: 'transcript', state: 'no_engine', engine: null, text: null });
  });
});
