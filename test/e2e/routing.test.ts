/**
 * Routing in Chromium: the agent's presence switch in the header, the routing screen (rules, the dry-run
 * tester explaining each condition, a refused catastrophic regex, teams), and escalating a ticket with a
 * reason from the command menu.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestServer, type TestServer } from '../support/harness.ts';
import { DESKTOP, ensureDashboardBuilt, launchBrowser, signIn, watchPageErrors } from './support/browser.ts';

describe('routing in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ensureDashboardBuilt();
    [server, browser] = await Promise.all([startTestServer('sqlite'), launchBrowser()]);
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
    await page.goto(`${server.url}/inbox/all`);
    await signIn(page, server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('switches the agent’s presence from the header, logged on the server', async () => {
    const presence = page.getByRole('combobox', { name: 'Presence' });
    await expect.poll(() => presence.inputValue()).toBe('offline');
    await presence.selectOption('online');
    const { adminEmail } = server.runtime.demo!.secrets;
    await eventually(async () => {
      const row = await server.store.db
        .selectFrom('users')
        .select('presence')
        .where('email', '=', adminEmail)
        .executeTakeFirst();
      return row?.presence === 'online';
    });
  });

  it('tests a message against the rules and refuses a catastrophic regex', async () => {
    await page.getByRole('link', { name: 'Routing' }).click();
    await page.getByRole('heading', { name: 'Rules' }).waitFor();
    await page.getByText('Billing and payments to Finance', { exact: true }).waitFor();

    await page.getByLabel('Sample message').fill('Ma facture est fausse');
    await page.getByRole('button', { name: 'Run' }).click();
    const trace = page.getByRole('list', { name: 'Try a message' });
    await trace.getByText('✓ Billing and payments to Finance').waitFor();
    await trace.getByText('keywords: found “facture*”').waitFor();
    await trace.getByText('✗ Angry VIP jumps the queue').waitFor();

    await page.getByLabel('New rule (JSON)').fill(
      JSON.stringify({
        name: 'Evil',
        conditions: [{ kind: 'regex', pattern: '^(a+)+$' }],
        actions: [{ kind: 'add_tags', tags: ['x'] }],
      }),
    );
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page
      .getByRole('alert')
      .getByText(/conditions\.0\.pattern: this pattern could backtrack/)
      .waitFor();

    await page.getByRole('article', { name: 'Finance' }).waitFor();
    await page.getByRole('heading', { name: 'Teams' }).waitFor();
  });

  it('adds a bot flow, refusing answers that loop', async () => {
    const editor = page.getByLabel('New bot flow (JSON)');
    await editor.fill(
      JSON.stringify({
        name: 'Echo',
        start: 'a',
        nodes: { a: { kind: 'answer', text: 'A', next: 'b' }, b: { kind: 'answer', text: 'B', next: 'a' } },
      }),
    );
    await page.getByRole('button', { name: 'Add flow' }).click();
    await page
      .getByRole('alert')
      .getByText(/loop: a → b → a/)
      .waitFor();
    await editor.fill(
      JSON.stringify({
        name: 'Opening hours',
        start: 'menu',
        nodes: {
          menu: { kind: 'menu', text: 'How can we help?', options: [{ id: 'h', title: 'Hours', next: 'h' }] },
          h: { kind: 'answer', text: '9–18' },
        },
      }),
    );
    await page.getByRole('button', { name: 'Add flow' }).click();
    await page.getByText('Opening hours', { exact: true }).waitFor();
    await page.getByText('2 steps', { exact: false }).waitFor();
  });

  it('escalates a ticket with a reason from the command menu', async () => {
    const customer = server.simulator.customer({ waId: '15551237001', name: 'Marie Curie' });
    await customer.sendText('The sensor readings are wrong after the update').delivery;
    await page.goto(`${server.url}/inbox/all`);
    await page
      .getByRole('list', { name: 'Tickets' })
      .getByRole('link', { name: /Marie Curie/ })
      .click();
    await page.getByRole('region', { name: 'Conversation with Marie Curie' }).waitFor();
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe('Why escalate this ticket to the next tier?');
      void dialog.accept('Needs an engineer');
    });
    await page.getByRole('button', { name: 'Command menu', exact: true }).click();
    await page.keyboard.type('Escalate');
    await page.keyboard.press('Enter');
    const ticket = await eventually(async () => {
      const row = await server.store.db.selectFrom('tickets').select(['id', 'tier']).executeTakeFirst();
      return row?.tier === 'L2' ? row : undefined;
    });
    const events = await server.api<{ data: { kind: string; data: { reason?: string } }[] }>(
      'GET',
      `/api/v1/tickets/${ticket.id}/events`,
    );
    expect(events.body.data.find((e) => e.kind === 'escalated')?.data.reason).toBe('Needs an engineer');
    expect(pageErrors).toEqual([]);
  });
});
