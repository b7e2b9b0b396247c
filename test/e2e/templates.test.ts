/**
 * Once the 24-hour window has closed, an agent sends an approved template in the customer's language from
 * the composer; after the customer answers, a canned reply (kept on the supervisors' screen) goes in with
 * `/` and is sent. The server runs on a clock the test controls; WhatsApp is the built-in simulator.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, HOUR } from '../../src/kernel/index.ts';
import { eventually, startTestServer, type TestServer } from '../support/harness.ts';
import { DESKTOP, ensureDashboardBuilt, launchBrowser, signIn, watchPageErrors } from './support/browser.ts';

interface TicketBody {
  id: string;
  number: number;
  language: string | null;
}

describe('templates and canned replies in Chromium', () => {
  // The customer wrote 25 hours ago; then time moves to the real now, so the browser agrees with it.
  const clock = createManualClock(Date.now() - 25 * HOUR);
  const waId = '33612345000';
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

  async function findTicket(): Promise<TicketBody> {
    const list = await server.api<{ data: TicketBody[] }>('GET', `/api/v1/tickets?q=${waId}`);
    const ticket = list.body.data[0];
    if (!ticket) {
      throw new Error('no ticket yet');
    }
    return ticket;
  }

  it('sends a French template after the window closed, then a canned reply typed with /', async () => {
    await server.api('POST', '/api/v1/templates/sync');
    const customer = server.simulator.customer({ waId, name: 'Amélie Martin' });
    await customer.sendText(
      'Bonjour, est-ce que la réparation de mon téléphone est terminée ? Merci beaucoup.',
    ).delivery;
    await eventually(async () => (await findTicket().catch(() => null))?.language === 'fr');
    const ticket = await findTicket();
    clock.set(Date.now());

    await page.goto(`${server.url}/inbox/all`);
    await signIn(page, server);

    // A supervisor's canned reply, kept on its own screen (the demo user is an admin).
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Canned replies' })
      .click();
    await page.getByRole('button', { name: 'New canned reply' }).click();
    const form = page.getByRole('dialog', { name: 'New canned reply' });
    await form.getByRole('textbox', { name: /Shortcut/ }).fill('suivi');
    await form.getByRole('textbox', { name: 'Title' }).fill('Suivi de la demande');
    await form
      .getByRole('textbox', { name: /Text/ })
      .fill('Merci {{contact.name}}, ici {{agent.name}} : votre demande n° {{ticket.number}} est prête.');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Edit /suivi' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /All/ }).click();
    await page
      .getByRole('list', { name: 'Tickets' })
      .getByRole('link', { name: /Amélie Martin/ })
      .click();
    const notice = page.getByRole('note', { name: 'The 24-hour window is closed' });
    await notice.getByRole('button', { name: 'Send a template' }).click();

    const picker = page.getByRole('dialog', { name: 'Send a template' });
    const french = picker.getByRole('region', { name: 'In the customer’s language (fr)' });
    await picker.getByRole('searchbox', { name: 'Search templates by name' }).fill('ticket');
    await french.getByRole('button', { name: /ticket_update fr/ }).click();
    await picker.getByRole('textbox', { name: 'Value for {{1}}' }).fill('Amélie');
    await picker.getByRole('button', { name: 'Send template' }).click();
    // The server names the empty placeholder; the picker shows it at that input.
    const second = picker.getByRole('textbox', { name: 'Value for {{2}}' });
    await picker.getByText('a value is required').waitFor();
    expect(await second.getAttribute('aria-invalid')).toBe('true');
    await second.fill(`n° ${ticket.number}`);
    expect(await picker.getByRole('region', { name: 'Preview' }).textContent()).toContain(
      `Bonjour Amélie, votre demande n° ${ticket.number} a été mise à jour.`,
    );
    await picker.getByRole('button', { name: 'Send template' }).click();
    await picker.waitFor({ state: 'detached' });
    await page.getByText('Template · ticket_update').waitFor();

    await eventually(() => customer.inbox().length === 1);
    const [template] = customer.inbox();
    expect(template?.isTemplate).toBe(true);
    expect(template?.preview).toContain(`Bonjour Amélie, votre demande n° ${ticket.number}`);
    expect(template?.error).toBeUndefined();

    // The customer answers the template: the window opens again and free text is back.
    await customer.sendText('Super, merci !').delivery;
    const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
    await expect.poll(() => composer.isEnabled(), { timeout: 10_000 }).toBe(true);
    const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((response) => response.json()));
    await composer.click();
    await composer.pressSequentially('/sui');
    const suggestions = page.getByRole('listbox', { name: 'Canned replies' });
    await suggestions.getByRole('option', { name: /suivi/ }).waitFor();
    await composer.press('Enter');
    await suggestions.waitFor({ state: 'detached' });
    const filled = `Merci Amélie Martin, ici ${(me as { user: { name: string } }).user.name} : votre demande n° ${ticket.number} est prête.`;
    expect(await composer.inputValue()).toBe(filled);
    await composer.press('Enter');

    await eventually(() => customer.inbox().length === 2);
    expect(customer.inbox()[1]?.preview).toBe(filled);
    expect(pageErrors).toEqual([]);
  });
});
