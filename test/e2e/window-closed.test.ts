/**
 * Outside WhatsApp's 24-hour customer-service window the composer explains why free text is blocked and
 * offers the way out (a note now; templates). The server runs on a clock the test controls.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, HOUR } from '../../src/kernel/index.ts';
import { eventually, startTestServer, type TestServer } from '../support/harness.ts';
import { DESKTOP, ensureDashboardBuilt, launchBrowser, signIn, watchPageErrors } from './support/browser.ts';

describe('the 24-hour window in Chromium', () => {
  // The customer wrote 25 hours ago; then time moves to the real now, so the browser agrees with it.
  const clock = createManualClock(Date.now() - 25 * HOUR);
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ensureDashboardBuilt();
    [server, browser] = await Promise.all([startTestServer('sqlite', { clock }), launchBrowser()]);
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('explains the closed window, blocks free text and lets the agent write a note instead', async () => {
    const sent = server.simulator
      .customer({ waId: '4915112345678', name: 'Grete Weber' })
      .sendText('Is my repair done?');
    await sent.delivery;
    await eventually(
      async () => (await server.api<{ data: unknown[] }>('GET', '/api/v1/tickets')).body.data.length === 1,
    );
    clock.set(Date.now());

    await page.goto(`${server.url}/inbox/all`);
    await signIn(page, server);
    await page
      .getByRole('list', { name: 'Tickets' })
      .getByRole('link', { name: /Grete Weber/ })
      .click();
    const notice = page.getByRole('note', { name: 'The 24-hour window is closed' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('only allows an approved template message');
    const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
    expect(await composer.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);

    await notice.getByRole('button', { name: 'Write an internal note instead' }).click();
    const note = page.getByRole('textbox', { name: 'Internal note' });
    await note.fill('Window closed; will send the repair-ready template once templates land.');
    await note.press('Enter');
    await page
      .getByRole('article', { name: 'Internal note' })
      .filter({ hasText: 'repair-ready template' })
      .waitFor();
    expect(server.simulator.customer({ waId: '4915112345678' }).inbox()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
