/**
 * Knowledge in Chromium, against the real server and the simulated phone: a screenshot of a payment error
 * shows its text beside the conversation with the code highlighted, the ticket is sorted as a failed
 * payment, the matching article is suggested and sent in one click, and the phone receives it. The
 * knowledge-base editor creates an article and names the field the server refuses.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestServer, type TestServer } from '../support/harness.ts';
import { renderScreenshot } from '../support/screenshots.ts';
import {
  DESKTOP,
  ensureDashboardBuilt,
  launchBrowser,
  saveScreenshot,
  signIn,
  watchPageErrors,
} from './support/browser.ts';

const ADA = { waId: '15551239101', name: 'Ada Lovelace' };
const ARTICLE_TITLE = 'Payment error E-4012: card declined by the bank';

describe('knowledge in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ensureDashboardBuilt();
    [server, browser] = await Promise.all([startTestServer('sqlite'), launchBrowser()]);
    // The agent's click is what sends the article here, not the bot.
    const settings = await server.api<{ data: Record<string, unknown> }>('GET', '/api/v1/kb/settings');
    await server.api('PUT', '/api/v1/kb/settings', { ...settings.body.data, autoSendThreshold: null });
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the code read from a screenshot and sends the suggested article in one click', async () => {
    const customer = server.simulator.customer(ADA);
    const png = await renderScreenshot(['Payment failed', 'Error E-4012: card declined by the bank']);
    await customer.sendImage({ data: png, mimeType: 'image/png' }).delivery;

    await page.goto(`${server.url}/inbox/all`);
    await signIn(page, server);
    await page
      .getByRole('list', { name: 'Tickets' })
      .getByRole('link', { name: /Ada Lovelace/ })
      .click();
    await page.getByRole('button', { name: 'Details' }).click();
    const details = page.getByRole('complementary', { name: 'Details' });

    const mediaText = details.getByRole('region', { name: 'Text from media' });
    await mediaText.locator('mark[data-kind=error_code]', { hasText: 'E-4012' }).waitFor({ timeout: 30_000 });
    const suggestions = details.getByRole('region', { name: 'Category and suggested articles' });
    await suggestions.getByText('Payment failed', { exact: true }).waitFor({ timeout: 20_000 });
    await suggestions.getByText(ARTICLE_TITLE).waitFor();
    await saveScreenshot(page, 'knowledge-suggestions');

    await suggestions.getByRole('button', { name: `Send: ${ARTICLE_TITLE}` }).click();
    await page.getByText('Article sent to the customer.').waitFor();
    const received = await eventually(
      () => customer.inbox().find((m) => m.preview.includes('E-4012')),
      15_000,
    );
    expect(received.preview).toContain('3-D Secure');
    await page
      .getByRole('log', { name: 'Messages' })
      .getByText(ARTICLE_TITLE, { exact: false })
      .first()
      .waitFor();
  });

  it('creates an article in the editor and shows which field the server refuses', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Knowledge base' })
      .click();
    await page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
    await page.getByText(ARTICLE_TITLE).waitFor();
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Category').selectOption('installation');
    await page.getByLabel('Title (en)').fill('Set up the router');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('translations.0.steps:', { exact: false }).waitFor();

    await page.getByLabel('Steps, one per line (en)').fill('Plug the router in.\nWait for the green light.');
    await page.getByRole('button', { name: 'Add Français' }).click();
    await page.getByLabel('Title (fr)').fill('Installer la box');
    await page.getByLabel('Steps, one per line (fr)').fill('Branchez la box.');
    await saveScreenshot(page, 'knowledge-base-editor');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Article saved.').waitFor();
    await page.getByText('Set up the router').waitFor();
    await page.getByText('EN · FR').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
