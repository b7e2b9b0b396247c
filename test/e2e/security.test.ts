/**
 * Attacker-controlled text rendered in the dashboard: customer names, message text, captions and file
 * names carrying script. Nothing may run (no dialog, no global set), the text shows as text, and the
 * page is served with a strict Content-Security-Policy.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestServer, type TestServer } from '../support/harness.ts';
import { loadMediaFixtures } from '../support/media-fixtures.ts';
import { DESKTOP, ensureDashboardBuilt, launchBrowser, signIn, watchPageErrors } from './support/browser.ts';

declare const window: { __pwned?: number };

const NAME = '<img src=x onerror="window.__pwned=1;alert(1)">Mallory';
const TEXT = '<script>window.__pwned=2;alert(2)</script> hello';
const CAPTION = '<svg/onload="window.__pwned=3;alert(3)"> look';
const FILENAME = '"><img src=x onerror="window.__pwned=4;alert(4)">.pdf';

describe('script injection in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const dialogs: string[] = [];

  beforeAll(async () => {
    ensureDashboardBuilt();
    [server, browser] = await Promise.all([startTestServer('sqlite'), launchBrowser()]);
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders hostile names, text, captions and file names as text, runs nothing, and sends a CSP', async () => {
    const fx = await loadMediaFixtures();
    const customer = server.simulator.customer({ waId: '4479000000001', name: NAME });
    await customer.sendText(TEXT).delivery;
    await customer.sendImage({ data: fx.png, mimeType: 'image/png', caption: CAPTION }).delivery;
    await customer.sendDocument({ data: fx.pdf, mimeType: 'application/pdf', filename: FILENAME }).delivery;
    await eventually(async () => {
      const list = await server.api<{ data: { id: string }[] }>('GET', '/api/v1/tickets');
      const id = list.body.data[0]?.id;
      if (!id) {
        return false;
      }
      const messages = await server.api<{ data: { media?: { state: string } | null }[] }>(
        'GET',
        `/api/v1/tickets/${id}/messages`,
      );
      return messages.body.data.filter((m) => m.media?.state === 'stored').length === 2;
    }, 15_000);

    const response = await page.goto(`${server.url}/inbox/all`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await signIn(page, server);

    await page
      .getByRole('list', { name: 'Tickets' })
      .getByRole('link', { name: /Mallory/ })
      .click();
    await page.getByText(TEXT).waitFor();
    await page.getByText(CAPTION).waitFor();
    // File names are sanitised on intake (quotes and angle brackets replaced); what remains is text.
    await page
      .getByText(/window\.__pwned=4/)
      .first()
      .waitFor();
    await page.getByText(NAME).first().waitFor();
    // Give any injected handler (image error, svg load) time to fire.
    await page.waitForTimeout(500);

    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the audit log to an admin and erases a customer after the typed confirmation', async () => {
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByRole('table', { name: 'Audit log' }).getByText('auth.signed_in').first().waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByRole('status').filter({ hasText: 'The audit chain is intact' }).waitFor();

    const ticketId = (await server.api<{ data: { id: string }[] }>('GET', '/api/v1/tickets')).body.data[0]!
      .id;
    await page.goto(`${server.url}/inbox/all/${ticketId}`);
    await page.getByRole('button', { name: 'Details', exact: true }).click();
    await page.getByRole('button', { name: 'Erase this customer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase this customer?' });
    const confirm = dialog.getByRole('button', { name: 'Erase for good' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'ERASE' }).fill('ERASE');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    const detail = await eventually(async () => {
      const body = (
        await server.api<{ contact: { name: string | null } }>('GET', `/api/v1/tickets/${ticketId}`)
      ).body;
      return body.contact.name === null ? body : undefined;
    });
    expect(detail.contact.name).toBeNull();
    const erased = await server.api<{ data: unknown[] }>('GET', '/api/v1/audit?action=customer.erased');
    expect(erased.body.data).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });
});
