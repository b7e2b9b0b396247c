/**
 * Media in Chromium, against the real server and the simulated phone: a customer's photo shows inline
 * (its thumbnail loaded through a signed URL) and opens in the viewer with zoom and rotate; a voice note
 * has a player and its duration; the agent attaches a PDF with the file picker and drops a photo on the
 * composer, sends, and the phone receives both as media messages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestServer, type TestServer } from '../support/harness.ts';
import { loadMediaFixtures, type MediaFixtures } from '../support/media-fixtures.ts';
import { DESKTOP, ensureDashboardBuilt, launchBrowser, signIn, watchPageErrors } from './support/browser.ts';

/** The browser globals the drop probe uses (the project's tsconfig has no DOM lib). */
interface DropGlobals {
  atob(data: string): string;
  File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
  DataTransfer: new () => { items: { add(file: unknown): void } };
}

const GRACE = { waId: '15551239001', name: 'Grace Hopper' };

describe('media in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let fx: MediaFixtures;

  const timeline = () => page.getByRole('log', { name: 'Messages' });

  beforeAll(async () => {
    ensureDashboardBuilt();
    [server, browser, fx] = await Promise.all([
      startTestServer('sqlite'),
      launchBrowser(),
      loadMediaFixtures(),
    ]);
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a customer’s photo inline and opens it with zoom and rotate', async () => {
    const customer = server.simulator.customer(GRACE);
    await customer.sendImage({ data: fx.jpeg, mimeType: 'image/jpeg', caption: 'The box arrived like this' })
      .delivery;
    await customer.sendAudio({ data: fx.ogg, mimeType: 'audio/ogg; codecs=opus', voice: true }).delivery;
    await eventually(
      async () => (await server.api<{ data: unknown[] }>('GET', '/api/v1/tickets')).body.data.length === 1,
    );

    await page.goto(`${server.url}/inbox/all`);
    await signIn(page, server);
    await page
      .getByRole('list', { name: 'Tickets' })
      .getByRole('link', { name: /Grace Hopper/ })
      .click();
    await timeline().getByText('The box arrived like this').waitFor();

    const thumbnail = timeline().getByRole('button', { name: 'Open photo' }).locator('img');
    await thumbnail.waitFor({ timeout: 20_000 });
    expect(await thumbnail.getAttribute('src')).toMatch(/\/thumbnail\?.*sig=/);
    await expect
      .poll(() => thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);

    await timeline().getByRole('button', { name: 'Open photo' }).click();
    const viewer = page.getByRole('dialog');
    const full = viewer.getByTestId('photo-full');
    await expect
      .poll(() => full.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    await viewer.getByRole('button', { name: 'Zoom in' }).click();
    await viewer.getByRole('button', { name: 'Rotate' }).click();
    expect(await full.getAttribute('style')).toContain('scale(1.5) rotate(90deg)');
    await viewer.getByRole('button', { name: 'Close' }).click();
    await viewer.waitFor({ state: 'detached' });
  });

  it('plays a voice note and shows its duration', async () => {
    const player = timeline().getByLabel('Voice message');
    await player.waitFor({ timeout: 20_000 });
    const voice = timeline().locator('.sl-voice');
    await expect.poll(() => voice.locator('.sl-voice__duration').textContent()).toMatch(/^0:0[12]$/);
  });

  it('attaches a PDF with the file picker and a photo by drag-and-drop, and the phone receives both', async () => {
    const zone = page.getByTestId('composer-drop-zone');
    await zone.locator('input[type=file]').setInputFiles({
      name: 'invoice.pdf',
      mimeType: 'application/pdf',
      buffer: fx.pdf,
    });
    const chips = page.getByRole('list', { name: 'Attachments' });
    await chips.getByRole('button', { name: 'Remove invoice.pdf' }).waitFor();

    const dataTransfer = await page.evaluateHandle(
      ({ base64, name }) => {
        const g = globalThis as unknown as DropGlobals;
        const binary = g.atob(base64);
        const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
        const transfer = new g.DataTransfer();
        transfer.items.add(new g.File([bytes], name, { type: 'image/jpeg' }));
        return transfer;
      },
      { base64: fx.jpeg.toString('base64'), name: 'replacement-part.jpg' },
    );
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.getByText('Drop a file to attach it').waitFor();
    await zone.dispatchEvent('drop', { dataTransfer });
    await chips.getByRole('button', { name: 'Remove replacement-part.jpg' }).waitFor();
    await expect.poll(() => chips.locator('[aria-busy=true]').count()).toBe(0);

    await page
      .getByRole('textbox', { name: 'Reply to the customer' })
      .fill('Here is the invoice and the part');
    await page.getByRole('button', { name: 'Send' }).click();
    await chips.waitFor({ state: 'detached' });

    const customer = server.simulator.customer({ waId: GRACE.waId });
    const inbox = await eventually(async () => {
      const received = customer.inbox();
      return received.length >= 2 ? received : undefined;
    }, 15_000);
    expect(inbox.map((message) => message.type).sort()).toEqual(['document', 'image']);
    // The text is the caption of the first attachment that carries one (the PDF, picked first).
    expect(inbox.find((message) => message.type === 'document')?.preview).toContain('Here is the invoice');
    expect(pageErrors).toEqual([]);
  });
});
