import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaUrlSigner } from '../src/media/index.ts';
import type { StoredMedia } from '../src/simulator/media.store.ts';
import { testDialects } from './support/databases.ts';
import {
  eventually,
  QUIET_ANALYSIS,
  startTestServer,
  TEST_MASTER_KEY,
  type TestServer,
} from './support/harness.ts';
import { loadMediaFixtures, type MediaFixtures } from './support/media-fixtures.ts';

interface MediaView {
  id: string;
  kind: string;
  state: string;
  stateReason: string | null;
  previewState: string;
  previewReason: string | null;
  mimeType: string | null;
  size: number | null;
  filename: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  pageCount: number | null;
  waveform: number[] | null;
  voice: boolean;
  inline: boolean;
  urls: { original: string; download: string; preview: string | null; thumbnail: string | null } | null;
}
interface MessageRow {
  id: string;
  wamid: string | null;
  type: string;
  direction: string;
  authorType: string;
  body: string | null;
  status: string;
  media?: MediaView | null;
}

const SETTLED = new Set(['stored', 'failed', 'refused', 'quarantined']);

describe.each(testDialects)('media through the simulator (%s)', (dialect) => {
  let server: TestServer;
  let fx: MediaFixtures;
  let dataDir: string;
  let counter = 0;

  beforeAll(async () => {
    fx = await loadMediaFixtures();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-media-test-'));
    server = await startTestServer(dialect, { dataDir, analysis: QUIET_ANALYSIS });
    // This file is about intake and storage: reading text from every fixture would only add load.
    const settings = await server.api<{ data: Record<string, unknown> }>('GET', '/api/v1/kb/settings');
    await server.api('PUT', '/api/v1/kb/settings', {
      ...settings.body.data,
      ocr: false,
      transcription: false,
    });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const newCustomer = () => {
    counter += 1;
    return server.simulator.customer({
      waId: `3361000${dialect === 'sqlite' ? 1 : 2}${String(counter).padStart(3, '0')}`,
      name: 'Camille',
    });
  };

  const ticketIdOf = async (waId: string) =>
    eventually(async () => {
      const list = await server.api<{ data: { id: string; contact: { waId: string } }[] }>(
        'GET',
        `/api/v1/tickets?q=${waId}`,
      );
      return list.body.data.find((t) => t.contact.waId === waId)?.id;
    });

  const messagesOf = async (ticketId: string) =>
    (await server.api<{ data: MessageRow[] }>('GET', `/api/v1/tickets/${ticketId}/messages`)).body.data;

  /** Waits until the media of the message with `wamid` settles (and its preview, when stored). */
  const settledMedia = async (
    waId: string,
    wamid: string,
    timeoutMs = 15_000,
  ): Promise<{ ticketId: string; message: MessageRow; media: MediaView }> => {
    const ticketId = await ticketIdOf(waId);
    return eventually(async () => {
      const message = (await messagesOf(ticketId)).find((m) => m.wamid === wamid);
      const media = message?.media;
      if (
        !message ||
        !media ||
        !SETTLED.has(media.state) ||
        (media.state === 'stored' && ['pending', 'none'].includes(media.previewState))
      ) {
        return undefined;
      }
      return { ticketId, message, media };
    }, timeoutMs);
  };

  const fetchBytes = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${url}`, { headers });
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };

  const simulatorMedia = () => server.simulator.graph.media;

  it('stores, encrypts and previews every media type', async () => {
    const customer = newCustomer();
    const sent = {
      image: customer.sendImage({ data: fx.jpeg, mimeType: 'image/jpeg', caption: 'the leak' }),
      video: customer.sendVideo({ data: fx.mp4, mimeType: 'video/mp4' }),
      voice: customer.sendAudio({ data: fx.ogg, mimeType: 'audio/ogg; codecs=opus', voice: true }),
      pdf: customer.sendDocument({
        data: fx.pdf,
        mimeType: 'application/pdf',
        filename: '../../Facture café\u202Egpj.pdf',
      }),
      docx: customer.sendDocument({
        data: fx.docx,
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        filename: 'report.docx',
      }),
      sticker: customer.sendSticker({ data: fx.webp, mimeType: 'image/webp' }),
    };
    const waId = customer.waId!;
    const image = (await settledMedia(waId, sent.image.wamid)).media;
    expect(image).toMatchObject({
      state: 'stored',
      kind: 'image',
      mimeType: 'image/jpeg',
      width: 640,
      height: 480,
      previewState: 'ready',
      inline: true,
      size: fx.jpeg.length,
    });
    expect(image.urls?.thumbnail).toMatch(/\/thumbnail\?exp=\d+&sig=/);

    const video = (await settledMedia(waId, sent.video.wamid)).media;
    expect(video).toMatchObject({
      state: 'stored',
      mimeType: 'video/mp4',
      width: 160,
      height: 120,
      previewState: 'ready',
    });
    expect(video.durationMs).toBeGreaterThan(900);
    expect(video.urls?.preview).toBeTruthy();

    const voice = (await settledMedia(waId, sent.voice.wamid)).media;
    expect(voice).toMatchObject({ state: 'stored', kind: 'audio', voice: true, previewState: 'ready' });
    expect(voice.durationMs).toBeGreaterThan(900);
    expect(voice.waveform).toHaveLength(64);

    const pdf = (await settledMedia(waId, sent.pdf.wamid)).media;
    expect(pdf).toMatchObject({
      state: 'stored',
      mimeType: 'application/pdf',
      pageCount: 1,
      previewState: 'ready',
      inline: false,
      filename: 'Facture cafégpj.pdf',
    });
    expect(pdf.urls?.preview).toBeTruthy();

    const docx = (await settledMedia(waId, sent.docx.wamid)).media;
    expect(docx).toMatchObject({ state: 'stored', previewState: 'ready', filename: 'report.docx' });
    expect(docx.urls?.preview).toBeNull();

    const sticker = (await settledMedia(waId, sent.sticker.wamid)).media;
    expect(sticker).toMatchObject({ state: 'stored', kind: 'sticker', mimeType: 'image/webp' });

    // The original comes back byte for byte (session/bearer or signed link); previews are WebP.
    const original = await fetchBytes(image.urls!.original);
    expect(original.response.status).toBe(200);
    expect(original.body.equals(fx.jpeg)).toBe(true);
    expect(original.response.headers.get('content-type')).toBe('image/jpeg');
    expect(original.response.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(original.response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(original.response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(original.response.headers.get('cache-control')).toMatch(/private/);
    const thumb = await fetchBytes(image.urls!.thumbnail!);
    expect(thumb.response.headers.get('content-type')).toBe('image/webp');
    const pdfDownload = await fetchBytes(pdf.urls!.original);
    expect(pdfDownload.response.headers.get('content-disposition')).toBe(
      `attachment; filename="Facture cafe_gpj.pdf"; filename*=UTF-8''Facture%20caf%C3%A9gpj.pdf`,
    );
    expect(pdfDownload.body.equals(fx.pdf)).toBe(true);

    // Encryption at rest: no file under DATA_DIR/media contains any 32-byte window of a plaintext.
    const files = listFiles(path.join(dataDir, 'media'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    const probes = [fx.jpeg, fx.mp4, fx.ogg, fx.pdf, fx.docx].map((b) =>
      b.subarray(Math.floor(b.length / 2), Math.floor(b.length / 2) + 32),
    );
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const probe of probes) {
        expect(bytes.includes(probe)).toBe(false);
      }
      expect(bytes.includes(Buffer.from('%PDF-1.4'))).toBe(false);
    }
  });

  it('stores the same bytes once, referenced twice', async () => {
    const customer = newCustomer();
    const first = customer.sendImage({ data: fx.png, mimeType: 'image/png' });
    const second = customer.sendImage({ data: fx.png, mimeType: 'image/png' });
    const a = (await settledMedia(customer.waId!, first.wamid)).media;
    const b = (await settledMedia(customer.waId!, second.wamid)).media;
    expect(a.id).not.toBe(b.id);
    const blobs = await server.store.db
      .selectFrom('media_blobs')
      .selectAll()
      .where('sha256', '=', (await mediaRow(a.id)).sha256!)
      .execute();
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.ref_count).toBe(2);
  });

  it('refuses a file over the limit and tells the customer, in their language, what to send', async () => {
    const customer = newCustomer();
    const hello = customer.sendText('Bonjour');
    const waId = customer.waId!;
    await hello.delivery;
    const ticketId = await ticketIdOf(waId);
    await server.store.db.updateTable('contacts').set({ language: 'fr' }).where('wa_id', '=', waId).execute();
    const big = Buffer.concat([fx.jpeg, Buffer.alloc(5 * 1024 * 1024)]);
    const sent = customer.sendImage({ data: big, mimeType: 'image/jpeg' });
    const { media } = await settledMedia(waId, sent.wamid);
    expect(media).toMatchObject({ state: 'refused', stateReason: 'media.too_large', urls: null });
    const note = await eventually(async () =>
      (await messagesOf(ticketId)).find((m) => m.authorType === 'bot'),
    );
    expect(note.direction).toBe('outbound');
    expect(note.body).toContain('trop volumineux');
    expect(note.body).toContain('5 MB');
    const events = await server.api<{ data: { kind: string }[] }>(
      'GET',
      `/api/v1/tickets/${ticketId}/events`,
    );
    expect(events.body.data.map((e) => e.kind)).toContain('media_refused');
  });

  it('refuses an unsupported type (a zip archive) without downloading it', async () => {
    const customer = newCustomer();
    const sent = customer.sendDocument({
      data: fx.docx,
      mimeType: 'application/zip',
      filename: 'archive.zip',
    });
    const { media, ticketId } = await settledMedia(customer.waId!, sent.wamid);
    expect(media).toMatchObject({ state: 'refused', stateReason: 'media.unsupported_type' });
    const note = await eventually(async () =>
      (await messagesOf(ticketId)).find((m) => m.authorType === 'bot'),
    );
    expect(note.body).toContain('PDF');
  });

  it('quarantines an executable called photo.jpg and an HTML page called invoice.pdf', async () => {
    const customer = newCustomer();
    const exe = customer.sendImage({ data: fx.exe, mimeType: 'image/jpeg', caption: 'photo.jpg' });
    const html = customer.sendDocument({
      data: fx.html,
      mimeType: 'application/pdf',
      filename: 'invoice.pdf',
    });
    const exeMedia = await settledMedia(customer.waId!, exe.wamid);
    const htmlMedia = (await settledMedia(customer.waId!, html.wamid)).media;
    expect(exeMedia.media).toMatchObject({
      state: 'quarantined',
      stateReason: 'media.dangerous_content',
      mimeType: 'application/x-msdownload',
      inline: false,
    });
    expect(htmlMedia).toMatchObject({
      state: 'quarantined',
      stateReason: 'media.dangerous_content',
      mimeType: 'text/html',
      inline: false,
    });
    expect(htmlMedia.urls?.preview).toBeNull();
    const download = await fetchBytes(htmlMedia.urls!.original);
    expect(download.response.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await fetchBytes(`/api/v1/media/${htmlMedia.id}/preview`, auth())).response.status).toBe(404);
    const events = await server.api<{ data: { kind: string; data: { reason: string } }[] }>(
      'GET',
      `/api/v1/tickets/${exeMedia.ticketId}/events`,
    );
    expect(events.body.data.filter((e) => e.kind === 'media_quarantined')).toHaveLength(2);
  });

  it('keeps a corrupt image and a 30,000 × 30,000 pixel bomb, with a failed preview and its reason', async () => {
    const customer = newCustomer();
    const corrupt = customer.sendImage({ data: fx.corruptJpeg, mimeType: 'image/jpeg' });
    const bomb = customer.sendImage({ data: fx.pixelBombPng, mimeType: 'image/png' });
    const started = Date.now();
    const corruptMedia = (await settledMedia(customer.waId!, corrupt.wamid)).media;
    const bombMedia = (await settledMedia(customer.waId!, bomb.wamid)).media;
    expect(corruptMedia).toMatchObject({
      state: 'stored',
      previewState: 'failed',
      previewReason: 'media.corrupt',
    });
    expect(bombMedia).toMatchObject({
      state: 'stored',
      previewState: 'failed',
      previewReason: 'media.image_too_many_pixels',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stores a zip-bomb docx without expanding it', async () => {
    const customer = newCustomer();
    const rss = process.memoryUsage().rss;
    const sent = customer.sendDocument({
      data: fx.zipBombDocx,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: 'bomb.docx',
    });
    const { media } = await settledMedia(customer.waId!, sent.wamid);
    expect(media).toMatchObject({ state: 'stored', size: fx.zipBombDocx.length });
    expect(process.memoryUsage().rss - rss).toBeLessThan(48 * 1024 * 1024);
  });

  it('retries Graph 5xx, a download timeout, an expired URL and a truncated body, then stores', async () => {
    const customer = newCustomer();
    const waId = customer.waId!;
    const store = simulatorMedia();
    const lookup = store.lookupDownload;
    let expired = 0;
    let truncated = 0;
    // The first download finds its URL expired, the next one is cut in half: both are retried.
    store.lookupDownload = (token) => {
      if (expired === 0) {
        expired += 1;
        return { kind: 'expired' };
      }
      const found = lookup(token);
      if (found.kind !== 'found' || truncated > 0) {
        return found;
      }
      truncated += 1;
      const half = found.media.data.subarray(0, Math.floor(found.media.data.length / 2));
      return { kind: 'found', media: { ...found.media, data: half, fileSize: half.length } };
    };
    server.simulator.injectFault({ route: 'media', status: 500, times: 1 });
    server.simulator.injectFault({ route: 'media-download', delayMs: 2_500, times: 1 });
    const sent = [
      customer.sendImage({ data: fx.jpeg, mimeType: 'image/jpeg' }),
      customer.sendVideo({ data: fx.mp4, mimeType: 'video/mp4' }),
      customer.sendAudio({ data: fx.ogg, mimeType: 'audio/ogg', voice: true }),
      customer.sendDocument({ data: fx.pdf, mimeType: 'application/pdf', filename: 'a.pdf' }),
    ];
    try {
      const settled = await Promise.all(sent.map((s) => settledMedia(waId, s.wamid)));
      expect(settled.map((s) => s.media.state)).toEqual(['stored', 'stored', 'stored', 'stored']);
      expect(settled.map((s) => s.media.size)).toEqual([
        fx.jpeg.length,
        fx.mp4.length,
        fx.ogg.length,
        fx.pdf.length,
      ]);
      expect({ expired, truncated }).toEqual({ expired: 1, truncated: 1 });
    } finally {
      store.lookupDownload = lookup;
      server.simulator.clearFaults();
    }
  });

  it('cuts a file larger than its declared size off at the limit', async () => {
    const customer = newCustomer();
    const store = simulatorMedia();
    const find = store.findMedia;
    store.findMedia = (id) => {
      const found = find(id);
      return found && found.data.length > 5 * 1024 * 1024
        ? ({ ...found, fileSize: 1000 } satisfies StoredMedia)
        : found;
    };
    const sent = customer.sendImage({
      data: Buffer.concat([fx.jpeg, Buffer.alloc(6 * 1024 * 1024)]),
      mimeType: 'image/jpeg',
    });
    const { media } = await settledMedia(customer.waId!, sent.wamid);
    store.findMedia = find;
    expect(media).toMatchObject({ state: 'refused', stateReason: 'media.too_large' });
  });

  it('ends a media id that Graph does not know with a clear failed state after retries', async () => {
    server.simulator.injectFault({ route: 'media', status: 404, code: 100, times: 3 });
    const customer = newCustomer();
    const sent = customer.sendImage({ data: fx.png, mimeType: 'image/png' });
    const { media, ticketId } = await settledMedia(customer.waId!, sent.wamid, 20_000);
    server.simulator.clearFaults();
    expect(media).toMatchObject({ state: 'failed', stateReason: 'whatsapp.media_not_found', urls: null });
    const events = await server.api<{ data: { kind: string }[] }>(
      'GET',
      `/api/v1/tickets/${ticketId}/events`,
    );
    expect(events.body.data.map((e) => e.kind)).toContain('media_failed');
  });

  it('guards media URLs: 401 without credentials, 403 for a bad or expired signature; serves ranges', async () => {
    const customer = newCustomer();
    const sent = customer.sendVideo({ data: fx.mp4, mimeType: 'video/mp4' });
    const { media } = await settledMedia(customer.waId!, sent.wamid);
    const plain = `/api/v1/media/${media.id}`;
    expect((await fetchBytes(plain)).response.status).toBe(401);
    expect((await fetchBytes(plain, auth())).response.status).toBe(200);
    const forged = media.urls!.original.replace(
      /sig=[^&]+/,
      'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    expect((await fetchBytes(forged)).response.status).toBe(403);
    const otherVariant = media.urls!.original.replace(`/media/${media.id}?`, `/media/${media.id}/preview?`);
    expect((await fetchBytes(otherVariant)).response.status).toBe(403);
    const expired = createMediaUrlSigner(Buffer.from(TEST_MASTER_KEY, 'hex')).sign(
      media.id,
      'original',
      Date.now() - 3 * 60 * 60_000,
    );
    const expiredAnswer = await fetchBytes(expired);
    expect(expiredAnswer.response.status).toBe(403);
    expect(JSON.parse(expiredAnswer.body.toString()).error.reason).toBe('media.link_expired');

    const ranged = await fetchBytes(media.urls!.original, { range: 'bytes=100-1099' });
    expect(ranged.response.status).toBe(206);
    expect(ranged.response.headers.get('content-range')).toBe(`bytes 100-1099/${fx.mp4.length}`);
    expect(ranged.body.equals(fx.mp4.subarray(100, 1100))).toBe(true);
    const tail = await fetchBytes(media.urls!.original, { range: 'bytes=-500' });
    expect(tail.body.equals(fx.mp4.subarray(fx.mp4.length - 500))).toBe(true);
    const outside = await fetchBytes(media.urls!.original, { range: `bytes=${fx.mp4.length}-` });
    expect(outside.response.status).toBe(416);
    expect(outside.response.headers.get('content-range')).toBe(`bytes */${fx.mp4.length}`);
  });

  it('sends an agent’s attachment: upload, reply by media id, uploaded to the Graph media endpoint', async () => {
    const customer = newCustomer();
    await customer.sendText('Can you send me the manual?').delivery;
    const ticketId = await ticketIdOf(customer.waId!);
    const rejected = await upload(fx.exe, 'manual.pdf', 'application/pdf');
    expect(rejected.status).toBe(422);
    const uploaded = await upload(fx.pdf, 'Manuel d’utilisation.pdf', 'application/pdf');
    expect(uploaded.status).toBe(201);
    const mediaId = uploaded.body.data.id;
    const reply = await server.api<{ data: MessageRow }>('POST', `/api/v1/tickets/${ticketId}/messages`, {
      type: 'media',
      mediaId,
      caption: 'Here it is',
    });
    expect(reply.status).toBe(202);
    expect(reply.body.data).toMatchObject({
      type: 'document',
      body: 'Here it is',
      media: { id: mediaId, state: 'stored' },
    });
    const sentOut = await eventually(() =>
      server.simulator.outbound().find((m) => m.customerKey === customer.key && m.type === 'document'),
    );
    expect(sentOut.mediaId).toBeTruthy();
    expect(simulatorMedia().findMedia(sentOut.mediaId!)?.data.equals(fx.pdf)).toBe(true);
    expect(sentOut.request).toMatchObject({
      document: { caption: 'Here it is', filename: 'Manuel d’utilisation.pdf' },
    });
    const again = await server.api<{ error: { reason: string } }>(
      'POST',
      `/api/v1/tickets/${ticketId}/messages`,
      { type: 'media', mediaId },
    );
    expect(again.body.error.reason).toBe('media.already_sent');
  });

  it('leaves no orphan blobs: every file in the media store belongs to a stored blob', async () => {
    await eventually(async () => (await server.runtime.queue.depth()) === 0, 15_000);
    const blobs = await server.store.db
      .selectFrom('media_blobs')
      .select(['blob_key', 'preview_key', 'thumb_key'])
      .execute();
    const keys = new Set(
      blobs.flatMap((b) => [b.blob_key, b.preview_key, b.thumb_key]).filter((k): k is string => k !== null),
    );
    const files = listFiles(path.join(dataDir, 'media')).map((f) => path.basename(f));
    expect(new Set(files)).toEqual(keys);
  });

  function auth(): Record<string, string> {
    return { authorization: `Bearer ${server.token}` };
  }

  async function upload(data: Buffer, filename: string, type: string) {
    const form = new FormData();
    form.append('file', new Blob([data], { type }), filename);
    const response = await fetch(`${server.url}/api/v1/media`, {
      method: 'POST',
      headers: auth(),
      body: form,
    });
    return { status: response.status, body: (await response.json()) as { data: MediaView } };
  }

  async function mediaRow(id: string) {
    return server.store.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
});

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(e.parentPath, e.name));
}
