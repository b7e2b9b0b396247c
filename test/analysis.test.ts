import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaAnalysisView } from '../src/analysis/index.ts';
import { blurred, jpeg, texturedPhoto } from './support/analysis-images.ts';
import { testDialects } from './support/databases.ts';
import { eventually, startTestServer, type TestServer, type TestServerOptions } from './support/harness.ts';

const photos = { blurry: Buffer.alloc(0) };
beforeAll(async () => {
  photos.blurry = await blurred(100);
});

interface MessageRow {
  id: string;
  wamid: string | null;
  authorType: string;
  direction: string;
  body: string | null;
  media?: { id: string } | null;
}

/** A server, its simulator customers and how to read what the helpdesk made of their media. */
function useServer(dialect: (typeof testDialects)[number], prefix: string, options: TestServerOptions = {}) {
  const ctx = { server: undefined as unknown as TestServer, counter: 0 };
  beforeAll(async () => {
    ctx.server = await startTestServer(dialect, options);
  });
  afterAll(async () => {
    await ctx.server?.close();
  });
  const customer = (language?: string) => {
    ctx.counter += 1;
    const handle = ctx.server.simulator.customer({
      waId: `${prefix}${dialect === 'sqlite' ? 1 : 2}${String(ctx.counter).padStart(3, '0')}`,
      name: 'Camille',
    });
    return { handle, language };
  };
  const ticketOf = (waId: string) =>
    eventually(async () => {
      const list = await ctx.server.api<{
        data: { id: string; number: number; contact: { waId: string } }[];
      }>('GET', `/api/v1/tickets?q=${waId}`);
      return list.body.data.find((t) => t.contact.waId === waId);
    });
  const messagesOf = async (ticketId: string) =>
    (await ctx.server.api<{ data: MessageRow[] }>('GET', `/api/v1/tickets/${ticketId}/messages`)).body.data;
  /** Sends a picture (after a first text in `language`) and waits for its analysis. */
  const sendAndAnalyse = async (
    who: ReturnType<typeof customer>,
    send: (c: ReturnType<typeof customer>['handle']) => { wamid: string },
  ) => {
    const waId = who.handle.waId!;
    if (who.language) {
      await who.handle.sendText('Bonjour').delivery;
      await ctx.server.store.db
        .updateTable('contacts')
        .set({ language: who.language })
        .where('wa_id', '=', waId)
        .execute();
    }
    const sent = send(who.handle);
    const ticket = await ticketOf(waId);
    const mediaId = await eventually(
      async () => (await messagesOf(ticket.id)).find((m) => m.wamid === sent.wamid)?.media?.id,
    );
    const analysis = await eventually(async () => {
      const res = await ctx.server.api<{ data: MediaAnalysisView | null }>(
        'GET',
        `/api/v1/media/${mediaId}/analysis`,
      );
      return res.body.data ?? undefined;
    }, 15_000);
    return { ticket, mediaId, analysis };
  };
  const eventsOf = async (ticketId: string) =>
    (
      await ctx.server.api<{ data: { kind: string; data: Record<string, unknown> }[] }>(
        'GET',
        `/api/v1/tickets/${ticketId}/events`,
      )
    ).body.data;
  return { ctx, customer, sendAndAnalyse, messagesOf, eventsOf };
}

describe.each(testDialects)('media analysis through the simulator (%s)', (dialect) => {
  const { ctx, customer, sendAndAnalyse, messagesOf, eventsOf } = useServer(dialect, '3362000');

  it('asks for a re-shoot of a blurry photo at once, in the customer’s language', async () => {
    const who = customer('fr');
    const photo = await blurred(101);
    const { ticket, analysis } = await sendAndAnalyse(who, (c) =>
      c.sendImage({ data: photo, mimeType: 'image/jpeg' }),
    );
    expect(analysis).toMatchObject({ verdict: 'unusable', reasons: ['blurry'] });
    expect(analysis.flags).toContain('blurry');
    expect(analysis.scores.quality?.sharpness).toBeLessThan(60);
    const note = await eventually(async () =>
      (await messagesOf(ticket.id)).find((m) => m.authorType === 'bot'),
    );
    expect(note.body).toContain('floue');
    expect(note.body).toContain('30 cm');
    const onPhone = await eventually(() =>
      ctx.server.simulator
        .outbound()
        .find((m) => m.customerKey === who.handle.key && m.preview.includes('floue')),
    );
    expect(onPhone.type).toBe('text');
    expect((await eventsOf(ticket.id)).map((e) => e.kind)).toContain('media_unusable');
  });

  it('leaves a sharp, well-lit photo alone and records its scores and hash', async () => {
    const who = customer();
    const photo = await jpeg(await texturedPhoto(102));
    const { ticket, analysis } = await sendAndAnalyse(who, (c) =>
      c.sendImage({ data: photo, mimeType: 'image/jpeg' }),
    );
    expect(analysis).toMatchObject({ verdict: 'usable', reasons: [], duplicateOf: null });
    expect(analysis.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(analysis.scores.quality).toMatchObject({ width: 1280, height: 960 });
    expect(analysis.analyserVersion).toBeTruthy();
    // Give a guidance job time to (wrongly) send something.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await messagesOf(ticket.id)).filter((m) => m.authorType === 'bot')).toEqual([]);
  });

  it('flags a photo another customer already sent, linking their ticket, on the timeline', async () => {
    const original = await jpeg(await texturedPhoto(103));
    const first = await sendAndAnalyse(customer(), (c) =>
      c.sendImage({ data: original, mimeType: 'image/jpeg' }),
    );
    expect(first.analysis.flags).not.toContain('duplicate_of');
    // The second customer's copy was resized and re-compressed by their phone.
    const sharp = (await import('sharp')).default;
    const copy = await sharp(original).resize(900).jpeg({ quality: 70 }).toBuffer();
    const second = await sendAndAnalyse(customer(), (c) =>
      c.sendImage({ data: copy, mimeType: 'image/jpeg' }),
    );
    expect(second.analysis.flags).toContain('duplicate_of');
    expect(second.analysis.duplicateOf).toMatchObject({
      mediaId: first.mediaId,
      ticketId: first.ticket.id,
      ticketNumber: first.ticket.number,
    });
    const event = (await eventsOf(second.ticket.id)).find((e) => e.kind === 'media_duplicate');
    expect(event?.data).toMatchObject({
      mediaId: second.mediaId,
      duplicateTicketId: first.ticket.id,
      duplicateTicketNumber: first.ticket.number,
    });
  });

  it('flags a silent, very short voice note and a dark, static video', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-analysis-'));
    const make = (name: string, args: string[]) => {
      execFileSync('/usr/bin/ffmpeg', ['-y', '-loglevel', 'error', ...args, path.join(dir, name)]);
      return fs.readFileSync(path.join(dir, name));
    };
    const voice = make('quiet.ogg', [
      '-f',
      'lavfi',
      '-i',
      'anullsrc=r=16000:cl=mono',
      '-t',
      '0.5',
      '-c:a',
      'libopus',
    ]);
    const video = make('dark.mp4', [
      '-f',
      'lavfi',
      '-i',
      'color=c=0x050505:s=320x240:d=2:r=10',
      '-pix_fmt',
      'yuv420p',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
    const who = customer();
    const note = await sendAndAnalyse(who, (c) =>
      c.sendAudio({ data: voice, mimeType: 'audio/ogg; codecs=opus', voice: true }),
    );
    expect(note.analysis.flags).toEqual(expect.arrayContaining(['too_short', 'silent']));
    const clip = await sendAndAnalyse(who, (c) => c.sendVideo({ data: video, mimeType: 'video/mp4' }));
    expect(clip.analysis.flags).toEqual(expect.arrayContaining(['too_dark', 'near_static']));
    expect(clip.analysis.scores.frames?.count).toBe(3);
  });

  it('runs nothing the business switched off', async () => {
    const put = await ctx.server.api('PUT', '/api/v1/analysis/settings', {
      enabled: { quality: false, hash: false },
    });
    expect(put.status).toBe(200);
    try {
      const who = customer('fr');
      const { ticket, analysis } = await sendAndAnalyse(who, (c) =>
        c.sendImage({ data: photos.blurry, mimeType: 'image/jpeg' }),
      );
      expect(analysis).toMatchObject({ verdict: 'unknown', reasons: [], phash: null });
      expect(analysis.scores.quality).toBeUndefined();
      expect(analysis.flags).not.toContain('blurry');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await messagesOf(ticket.id)).filter((m) => m.authorType === 'bot')).toEqual([]);
    } finally {
      await ctx.server.api('PUT', '/api/v1/analysis/settings', {});
    }
  });

  it('lets the business word the guidance itself', async () => {
    const put = await ctx.server.api('PUT', '/api/v1/analysis/settings', {
      guidance: { blurry: { es: 'Foto borrosa: repítala junto a la ventana, por favor.' } },
    });
    expect(put.status).toBe(200);
    try {
      const { ticket } = await sendAndAnalyse(customer('es'), (c) =>
        c.sendImage({ data: photos.blurry, mimeType: 'image/jpeg' }),
      );
      const note = await eventually(async () =>
        (await messagesOf(ticket.id)).find((m) => m.authorType === 'bot'),
      );
      expect(note.body).toBe('Foto borrosa: repítala junto a la ventana, por favor.');
    } finally {
      await ctx.server.api('PUT', '/api/v1/analysis/settings', {});
    }
  });
});

describe.each(testDialects)('analysis over its time budget (%s)', (dialect) => {
  const { sendAndAnalyse, customer, messagesOf } = useServer(dialect, '3363000', {
    analysis: { budgetMs: { quality: 0 } },
  });

  it('records a timeout flag and sends no guidance', async () => {
    const { ticket, analysis } = await sendAndAnalyse(customer('fr'), (c) =>
      c.sendImage({ data: photos.blurry, mimeType: 'image/jpeg' }),
    );
    expect(analysis.flags).toContain('timeout');
    expect(analysis).toMatchObject({ verdict: 'unknown', scores: { timedOut: ['quality'] } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await messagesOf(ticket.id)).filter((m) => m.authorType === 'bot')).toEqual([]);
  });
});
