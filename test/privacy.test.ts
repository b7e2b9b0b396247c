import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBlobFiles, type StoreFixture, startS3Fixture } from '../src/blobs/blob-store.test-support.ts';
import { createManualClock, DAY } from '../src/kernel/index.ts';
import { openTicket, storedMediaOf } from './support/access.ts';
import { testDialects } from './support/databases.ts';
import { eventually, QUIET_ANALYSIS, startTestServer, type TestServer } from './support/harness.ts';
import { loadMediaFixtures } from './support/media-fixtures.ts';
import { readZip } from './support/unzip.ts';

const mediaStores = ['disk', 's3'] as const;
const cases = testDialects.flatMap((dialect) => mediaStores.map((store) => ({ dialect, store })));

describe.each(cases)('data-protection rights ($dialect, $store media store)', ({ dialect, store }) => {
  let server: TestServer;
  let s3: StoreFixture | undefined;
  const clock = createManualClock(Date.now());
  const prefix = `33${dialect === 'sqlite' ? 1 : 2}${store === 'disk' ? 1 : 2}`;

  beforeAll(async () => {
    let env: Record<string, string> = {};
    if (store === 's3') {
      s3 = await startS3Fixture();
      env = { MEDIA_STORE: 's3://media/tenant-a/blobs', S3_ENDPOINT: s3.endpoint! };
      process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
      process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
    }
    server = await startTestServer(dialect, { clock, env, analysis: QUIET_ANALYSIS });
  });
  afterAll(async () => {
    await server?.close();
    await s3?.stop();
  });

  const contactOf = async (ticketId: string) =>
    (await server.api<{ contact: { id: string } }>('GET', `/api/v1/tickets/${ticketId}`)).body.contact.id;

  const blobKeyOf = async (mediaId: string) => {
    const row = await server.store.db
      .selectFrom('media')
      .innerJoin('media_blobs', 'media_blobs.sha256', 'media.sha256')
      .select(['media_blobs.blob_key', 'media_blobs.thumb_key'])
      .where('media.id', '=', mediaId)
      .executeTakeFirstOrThrow();
    return row;
  };

  it('exports everything about a customer as a zip, with the attachments decrypted', async () => {
    const fx = await loadMediaFixtures();
    const ticketId = await openTicket(server, `${prefix}0001`, {
      name: 'Zoé Export',
      image: fx.png,
      text: 'my receipt',
    });
    await storedMediaOf(server, ticketId);
    const contactId = await contactOf(ticketId);
    const response = await fetch(`${server.url}/api/v1/customers/${contactId}/export`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = readZip(Buffer.from(await response.arrayBuffer()));
    expect(JSON.parse(files.get('contact.json')!.toString())).toMatchObject({ name: 'Zoé Export' });
    const messages = JSON.parse(files.get('messages.json')!.toString()) as {
      content: { caption?: string };
    }[];
    expect(messages.some((m) => m.content.caption === 'my receipt')).toBe(true);
    const media = JSON.parse(files.get('media.json')!.toString()) as { path: string }[];
    expect(media).toHaveLength(1);
    expect(files.get(media[0]!.path)!.equals(fx.png)).toBe(true);
    const audit = await server.api<{ data: { details: Record<string, number> }[] }>(
      'GET',
      `/api/v1/audit?action=customer.exported&targetId=${contactId}`,
    );
    expect(audit.body.data[0]?.details).toEqual({ tickets: 1, messages: 1, media: 1 });
  });

  it('erases a customer: messages redacted, media crypto-shredded and gone from the store, counts kept', async () => {
    const fx = await loadMediaFixtures();
    // A unique image, so no other customer's reference keeps the blob alive.
    const image = Buffer.concat([fx.png, Buffer.from(`erase-${prefix}`)]);
    const ticketId = await openTicket(server, `${prefix}0002`, {
      name: 'Eve Erase',
      image,
      text: 'passport',
    });
    const mediaId = await storedMediaOf(server, ticketId);
    const contactId = await contactOf(ticketId);
    const keys = await blobKeyOf(mediaId);
    expect(await server.runtime.blobStore.exists(keys.blob_key)).toBe(true);
    const before = await server.api<{ all: number }>('GET', '/api/v1/tickets/counts');
    const derivedRows = async () =>
      (
        await Promise.all(
          (['media_analyses', 'media_hashes', 'media_texts'] as const).map((table) =>
            server.store.db.selectFrom(table).select('media_id').where('media_id', '=', mediaId).execute(),
          ),
        )
      ).flat().length;
    // Analysis and OCR run as jobs: wait for what they derive, which the erasure must remove too.
    await eventually(async () => (await derivedRows()) >= 2 || undefined, 15_000);
    // The customer's message, and the bot's when the photo needed re-shooting: every one is redacted.
    const stored = await server.api<{ data: unknown[] }>('GET', `/api/v1/tickets/${ticketId}/messages`);

    const unconfirmed = await server.api('POST', `/api/v1/customers/${contactId}/erase`, { confirm: 'yes' });
    expect(unconfirmed.status).toBe(400);
    const erased = await server.api<{ data: Record<string, unknown> }>(
      'POST',
      `/api/v1/customers/${contactId}/erase`,
      { confirm: contactId },
    );
    expect(erased.status).toBe(200);
    expect(erased.body.data).toMatchObject({ tickets: 1, messages: stored.body.data.length, media: 1 });
    expect(erased.body.data.blobsDestroyed).toBeGreaterThanOrEqual(1);

    expect(await server.runtime.blobStore.exists(keys.blob_key)).toBe(false);
    if (keys.thumb_key) {
      expect(await server.runtime.blobStore.exists(keys.thumb_key)).toBe(false);
    }
    if (s3) {
      expect((await listBlobFiles(s3.rawDir)).some((f) => f.includes(keys.blob_key))).toBe(false);
    }
    const wrapped = await server.store.db
      .selectFrom('media_blobs')
      .select('sha256')
      .where('blob_key', '=', keys.blob_key)
      .execute();
    expect(wrapped).toEqual([]);
    expect(await derivedRows()).toBe(0);

    const media = await fetch(`${server.url}/api/v1/media/${mediaId}`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(media.status).toBe(404);
    expect(((await media.json()) as { error: { reason: string } }).error.reason).toBe('media.erased');

    const detail = await server.api<{ contact: Record<string, unknown> }>(
      'GET',
      `/api/v1/tickets/${ticketId}`,
    );
    expect(detail.body.contact).toMatchObject({ name: null, waId: null });
    const messages = await server.api<{ data: { body: string | null; content: { kind: string } }[] }>(
      'GET',
      `/api/v1/tickets/${ticketId}/messages`,
    );
    expect(messages.body.data.every((m) => m.body === null && m.content.kind === 'erased')).toBe(true);
    const search = await server.api<{ data: unknown[] }>('GET', `/api/v1/tickets?q=${prefix}0002`);
    expect(search.body.data).toEqual([]);
    expect((await server.api<{ all: number }>('GET', '/api/v1/tickets/counts')).body.all).toBe(
      before.body.all,
    );

    const audit = await server.api<{ data: { actor: { type: string } }[] }>(
      'GET',
      `/api/v1/audit?action=customer.erased&targetId=${contactId}`,
    );
    expect(audit.body.data).toHaveLength(1);
    expect((await server.api('GET', '/api/v1/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('applies retention policies to closed tickets and reports the run', async () => {
    const fx = await loadMediaFixtures();
    const image = Buffer.concat([fx.png, Buffer.from(`retain-${prefix}`)]);
    const ticketId = await openTicket(server, `${prefix}0003`, { image, text: 'old photo' });
    const mediaId = await storedMediaOf(server, ticketId);
    const keys = await blobKeyOf(mediaId);
    const recent = await openTicket(server, `${prefix}0004`, { text: 'recent' });
    expect((await server.api('PATCH', `/api/v1/tickets/${ticketId}`, { status: 'solved' })).status).toBe(200);
    await server.store.db
      .updateTable('tickets')
      .set({ status: 'closed', closed_at: clock.now() })
      .where('id', '=', ticketId)
      .execute();

    expect((await server.api('PUT', '/api/v1/retention', { media: 90, messages: 365 })).status).toBe(200);
    clock.advance(91 * DAY);
    const run = await server.api<{ data: { id: string; counts: Record<string, number> } }>(
      'POST',
      '/api/v1/retention/run',
    );
    expect(run.body.data.counts).toMatchObject({ media: 1, messages: 0 });
    expect(await server.runtime.blobStore.exists(keys.blob_key)).toBe(false);
    const messages = await server.api<{ data: { body: string | null; content: { caption?: string } }[] }>(
      'GET',
      `/api/v1/tickets/${ticketId}/messages`,
    );
    expect(messages.body.data[0]?.content.caption).toBe('old photo');

    clock.advance(275 * DAY);
    const kept = await server.api<{ data: unknown[] }>('GET', `/api/v1/tickets/${ticketId}/messages`);
    const second = await server.api<{ data: { id: string; counts: Record<string, number> } }>(
      'POST',
      '/api/v1/retention/run',
    );
    expect(second.body.data.counts).toMatchObject({ media: 0, messages: kept.body.data.length });
    const recentMessages = await server.api<{ data: { body: string | null }[] }>(
      'GET',
      `/api/v1/tickets/${recent}/messages`,
    );
    expect(recentMessages.body.data[0]?.body).toBe('recent');

    const report = await server.api<{ policies: Record<string, number>; runs: { id: string }[] }>(
      'GET',
      '/api/v1/retention',
    );
    expect(report.body.policies).toEqual({ media: 90, messages: 365 });
    // Newest first; the hourly job also ran once when the server started.
    expect(report.body.runs.slice(0, 2).map((r) => r.id)).toEqual([second.body.data.id, run.body.data.id]);
    const changes = await server.api<{ data: { details: { to: unknown } }[] }>(
      'GET',
      '/api/v1/audit?action=settings.retention_changed',
    );
    expect(changes.body.data[0]?.details.to).toEqual({ media: 90, messages: 365 });
  });
});
