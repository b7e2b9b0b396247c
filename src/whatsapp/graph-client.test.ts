import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../kernel/index.ts';
import { GraphApiError } from './graph-api-error.ts';
import { createGraphClient, type GraphClientConfig, type WhatsAppClient } from './graph-client.ts';

interface RecordedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

type Handler = (request: RecordedRequest, response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let requests: RecordedRequest[] = [];
let handle: Handler = (_request, response) => response.writeHead(500).end();

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function graphError(code: number, message: string, details: string) {
  return {
    error: {
      message: `(#${code}) ${message}`,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
    },
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      handle(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = [];
});

function buildClient(overrides: Partial<GraphClientConfig> = {}): WhatsAppClient {
  return createGraphClient({
    graphUrl: `${baseUrl}/`,
    apiVersion: 'v25.0',
    accessToken: 'EAAG-test-token',
    phoneNumberId: '106540352242922',
    businessAccountId: '102290129340398',
    timeoutMs: 300,
    ...overrides,
  });
}

const textPayload = { kind: 'text', to: '16505551234', body: 'Your ticket TCK-1042 is solved ✅' } as const;

describe('sendMessage', () => {
  it('posts the message with the bearer token and returns the wamid', async () => {
    handle = (_req, res) =>
      sendJson(res, 200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: '+16505551234', wa_id: '16505551234' }],
        messages: [
          { id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA', message_status: 'accepted' },
        ],
      });
    const result = await buildClient().sendMessage({
      ...textPayload,
      bizOpaqueCallbackData: 'ticket=TCK-1042',
    });
    expect(result).toEqual({
      wamid: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA',
      waId: '16505551234',
      messageStatus: 'accepted',
    });
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v25.0/106540352242922/messages');
    expect(request?.headers.authorization).toBe('Bearer EAAG-test-token');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body.toString('utf8') ?? '')).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+16505551234',
      type: 'text',
      text: { body: 'Your ticket TCK-1042 is solved ✅' },
      biz_opaque_callback_data: 'ticket=TCK-1042',
    });
  });

  it('validates lengths before calling Meta', async () => {
    const error = await buildClient()
      .sendMessage({
        kind: 'buttons',
        to: '16505551234',
        body: 'Rate us',
        buttons: [{ id: 'a', title: 'x'.repeat(21) }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'invalid_input', details: { field: 'buttons[0].title', limit: 20 } });
    expect(requests).toEqual([]);
  });

  it.each<[string, number, unknown, Record<string, unknown>]>([
    [
      '131047 outside the 24 h window',
      400,
      graphError(131047, 'Re-engagement message', 'More than 24 hours have passed.'),
      {
        code: 131047,
        httpStatus: 400,
        retryable: false,
        reason: 'whatsapp.window_closed',
        details: 'More than 24 hours have passed.',
      },
    ],
    [
      '130429 throughput',
      400,
      graphError(130429, 'Rate limit hit', 'Cloud API message throughput has been reached.'),
      {
        code: 130429,
        retryable: true,
        reason: 'whatsapp.rate_limited',
        fbtraceId: 'Az8or2yhqkZfEZ-_4Qn_Bam',
      },
    ],
    [
      '131026 undeliverable',
      400,
      graphError(131026, 'Message undeliverable', 'Message Undeliverable.'),
      { code: 131026, retryable: false, reason: 'whatsapp.undeliverable' },
    ],
    [
      'unknown code on a 503',
      503,
      graphError(777777, 'Something new', 'Try later.'),
      { code: 777777, retryable: true, reason: 'whatsapp.service_unavailable' },
    ],
    [
      'unknown code on a 400',
      400,
      graphError(777777, 'Something new', 'Nope.'),
      { code: 777777, retryable: false, reason: 'whatsapp.unknown_error' },
    ],
    [
      '500 without envelope',
      500,
      '<html>Internal error</html>',
      { code: undefined, retryable: true, reason: 'whatsapp.service_unavailable' },
    ],
    ['429 without envelope', 429, '', { code: undefined, retryable: true, reason: 'whatsapp.rate_limited' }],
    [
      '404 without envelope',
      404,
      'not found',
      { code: undefined, retryable: false, reason: 'whatsapp.http_error' },
    ],
    [
      '200 without messages',
      200,
      { messaging_product: 'whatsapp' },
      { retryable: false, reason: 'whatsapp.unexpected_response' },
    ],
  ])('maps %s', async (_label, status, body, expected) => {
    handle = (_req, res) =>
      typeof body === 'string'
        ? res.writeHead(status, { 'content-type': 'text/html' }).end(body)
        : sendJson(res, status, body);
    const error = await buildClient()
      .sendMessage(textPayload)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ httpStatus: status, ...expected });
    expect((error as GraphApiError).userMessage).toMatch(/\.$/);
  });

  it('turns a timeout into a retryable network error', async () => {
    handle = () => {}; // never answers
    const started = Date.now();
    const error = await buildClient({ timeoutMs: 150 })
      .sendMessage(textPayload)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({
      retryable: true,
      reason: 'whatsapp.network_error',
      details: 'no answer within 150 ms',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('turns a refused connection into a retryable network error', async () => {
    const error = await buildClient({ graphUrl: 'http://127.0.0.1:1' })
      .sendMessage(textPayload)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: true, reason: 'whatsapp.network_error', httpStatus: undefined });
  });
});

describe('read receipts and media', () => {
  it('marks a message read, with the typing indicator when asked', async () => {
    handle = (_req, res) => sendJson(res, 200, { success: true });
    await buildClient().markRead('wamid.IN', { showTyping: true });
    expect(JSON.parse(requests[0]?.body.toString('utf8') ?? '')).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.IN',
      typing_indicator: { type: 'text' },
    });
  });

  it('gets media info, accepting file_size as a string', async () => {
    handle = (_req, res) =>
      sendJson(res, 200, {
        messaging_product: 'whatsapp',
        url: `${baseUrl}/media/1003383421387256?hash=AR1`,
        mime_type: 'image/jpeg',
        sha256: '3b1f8c',
        file_size: '303833',
        id: '1003383421387256',
      });
    const info = await buildClient().getMediaInfo('1003383421387256');
    expect(requests[0]?.url).toBe('/v25.0/1003383421387256');
    expect(info).toEqual({
      id: '1003383421387256',
      url: `${baseUrl}/media/1003383421387256?hash=AR1`,
      mimeType: 'image/jpeg',
      sha256: '3b1f8c',
      fileSize: 303833,
    });
  });

  it('downloads media with the bearer token and lets the caller stream it', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    handle = (_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(bytes);
    const response = await buildClient().downloadMedia(`${baseUrl}/media/1?hash=AR1`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    expect(requests[0]?.headers.authorization).toBe('Bearer EAAG-test-token');
  });

  it('reports an expired media URL as retryable', async () => {
    handle = (_req, res) => res.writeHead(404).end();
    const error = await buildClient()
      .downloadMedia(`${baseUrl}/media/1`)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatus: 404, retryable: true, reason: 'whatsapp.media_url_expired' });
  });

  it('refuses to send the token to a non-http URL', async () => {
    const error = await buildClient()
      .downloadMedia('file:///etc/passwd')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid_input', reason: 'whatsapp.invalid_media_url' });
  });

  it('uploads media as multipart form data', async () => {
    handle = (_req, res) => sendJson(res, 200, { id: '4490709327384033' });
    const data = new Blob([Buffer.from('%PDF-1.7 test')]);
    const result = await buildClient().uploadMedia({
      data,
      mimeType: 'application/pdf',
      filename: 'Factura café.pdf',
    });
    expect(result).toEqual({ id: '4490709327384033' });
    const request = requests[0];
    expect(request?.url).toBe('/v25.0/106540352242922/media');
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const body = request?.body.toString('utf8') ?? '';
    expect(body).toMatch(/name="messaging_product"\r\n\r\nwhatsapp\r\n/);
    expect(body).toMatch(/name="type"\r\n\r\napplication\/pdf\r\n/);
    expect(body).toContain('Content-Type: application/pdf');
    expect(body).toContain('%PDF-1.7 test');
  });
});

describe('listTemplates', () => {
  it('follows paging.next on the Graph origin only', async () => {
    const template = (id: string, name: string) => ({
      id,
      name,
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hi {{1}}, how did we do on {{2}}?' }],
    });
    handle = (req, res) => {
      if (req.url?.includes('after=page2')) {
        sendJson(res, 200, {
          data: [template('2', 'csat_followup')],
          paging: { next: 'https://evil.example/next' },
        });
      } else {
        sendJson(res, 200, {
          data: [template('1', 'csat_survey_v2')],
          paging: { next: `${baseUrl}/v25.0/102290129340398/message_templates?after=page2` },
        });
      }
    };
    const templates = await buildClient().listTemplates();
    expect(templates.map((t) => t.name)).toEqual(['csat_survey_v2', 'csat_followup']);
    expect(templates[0]).toEqual({
      id: '1',
      name: 'csat_survey_v2',
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      parameterFormat: undefined,
      components: [
        { type: 'BODY', format: undefined, text: 'Hi {{1}}, how did we do on {{2}}?', buttons: [] },
      ],
    });
    expect(requests.map((r) => r.url?.split('?')[0])).toEqual([
      '/v25.0/102290129340398/message_templates',
      '/v25.0/102290129340398/message_templates',
    ]);
  });

  it('needs the business account id', async () => {
    const error = await buildClient({ businessAccountId: undefined })
      .listTemplates()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'whatsapp.business_account_missing' });
  });
});
