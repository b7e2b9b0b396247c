/**
 * SLA in the dashboard: countdown badges coloured by state on inbox rows and in the conversation header,
 * the at-risk and breached queues, the notifications bell, and the admin screens. The server's clock
 * starts 70 minutes in the past (the customers wrote then) and is brought to the real now, so the
 * browser's clock agrees with it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, MINUTE } from '../../src/kernel/index.ts';
import { eventually, startTestServer, type TestServer } from '../support/harness.ts';
import {
  DESKTOP,
  ensureDashboardBuilt,
  launchBrowser,
  saveScreenshot,
  signIn,
  watchPageErrors,
} from './support/browser.ts';

describe('SLA in Chromium', () => {
  const clock = createManualClock(Date.now() - 70 * MINUTE);
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

  it('shows breached and at-risk tickets live, in the queues and in the bell', async () => {
    const policy = await server.api('POST', '/api/v1/sla/policies', {
      name: 'Everyone',
      position: 10,
      targets: { normal: { firstResponse: 60, resolution: 480 } },
      warnShare: 0.75,
    });
    expect(policy.status).toBe(201);
    await server.simulator.customer({ waId: '393331111111', name: 'Late Luca' }).sendText('Still waiting')
      .delivery;
    clock.advance(20 * MINUTE);
    await server.simulator.customer({ waId: '393332222222', name: 'Soon Sara' }).sendText('Hello?').delivery;
    clock.set(Date.now());
    await server.runtime.sla.sweep();

    await page.goto(`${server.url}/inbox/all`);
    await signIn(page, server);
    const list = page.getByRole('list', { name: 'Tickets' });
    const late = list.getByRole('link', { name: /Late Luca/ }).locator('.sl-sla-badge');
    const soon = list.getByRole('link', { name: /Soon Sara/ }).locator('.sl-sla-badge');
    await late.waitFor();
    expect(await late.getAttribute('data-sla-state')).toBe('breached');
    expect(await late.textContent()).toMatch(/^First response · .+ overdue$/);
    expect(await soon.getAttribute('data-sla-state')).toBe('at-risk');
    expect(await soon.textContent()).toMatch(/^First response · .+ left$/);
    await saveScreenshot(page, 'sla-inbox-badges');

    // The conversation header carries the same badge; the agent's reply stops the countdown live.
    await list.getByRole('link', { name: /Soon Sara/ }).click();
    const header = page.locator('.sl-ticket-head .sl-sla-badge');
    await header.waitFor();
    expect(await header.getAttribute('data-sla-state')).toBe('at-risk');
    // The warning is on the ticket's timeline.
    await page.getByText('First response target at risk').waitFor();
    const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
    await composer.fill('On it!');
    await composer.press('Enter');
    await eventually(async () => (await header.textContent())?.startsWith('Resolution') ?? false);

    const bell = page.getByRole('button', { name: /^Notifications — / });
    await eventually(
      async () => (await bell.getAttribute('aria-label')) === 'Notifications — 2 unread notifications',
    );
    // A new warning reaches the open dashboard through the live stream (not the 60 s poll).
    clock.set(Date.now() - 50 * MINUTE);
    await server.simulator.customer({ waId: '393333333333', name: 'Live Lia' }).sendText('Hi').delivery;
    clock.set(Date.now());
    await server.runtime.sla.sweep();
    await eventually(
      async () => (await bell.getAttribute('aria-label')) === 'Notifications — 3 unread notifications',
    );
    await bell.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    await panel.getByText(/Ticket #\d+: First response breached/).waitFor();
    expect(await panel.getByText(/Ticket #\d+: First response at risk/).count()).toBe(2);
    await saveScreenshot(page, 'sla-notifications');
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await eventually(
      async () => (await bell.getAttribute('aria-label')) === 'Notifications — 0 unread notifications',
    );
    await bell.click();

    await page.getByRole('link', { name: 'SLA', exact: true }).click();
    // Sara was answered; Lia is the one at risk now.
    const atRisk = page.getByRole('table', { name: 'At risk' });
    await atRisk.getByText('Hi', { exact: true }).waitFor();
    expect(await atRisk.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Breached' }).click();
    const breached = page.getByRole('table', { name: 'Breached' });
    await breached.getByText('Still waiting').waitFor();
    expect(await breached.locator('tbody tr').count()).toBe(1);
    await saveScreenshot(page, 'sla-breached-queue');
    expect(pageErrors).toEqual([]);
  });

  it('lets an admin add a calendar with holidays and a policy, and explains what is wrong', async () => {
    await page.getByRole('link', { name: 'SLA settings' }).click();
    const calendarForm = page.getByRole('form', { name: 'New calendar' });
    await calendarForm.getByLabel('Name', { exact: true }).fill('Milan office');
    await calendarForm.getByLabel('Time zone').fill('Europe/Milano');
    await calendarForm
      .getByLabel('Holidays, one per line: YYYY-MM-DD name')
      .fill('2026-12-25 Natale\n2026-12-26 Santo Stefano');
    await calendarForm.getByRole('button', { name: 'Save' }).click();
    expect(await calendarForm.getByRole('alert').textContent()).toContain('timeZone: not a time zone');
    await calendarForm.getByLabel('Time zone').fill('Europe/Rome');
    await calendarForm.getByLabel('Friday').fill('09:00-13:00, 14:00-16:00');
    await calendarForm.getByRole('button', { name: 'Save' }).click();
    const calendars = page.getByRole('region', { name: 'Business-hours calendars' });
    await calendars.getByText('2026-12-25, 2026-12-26').waitFor();

    const policyForm = page.getByRole('form', { name: 'New policy' });
    await policyForm.getByLabel('Name', { exact: true }).fill('Italian VIPs');
    await policyForm.getByLabel('Position').fill('5');
    await policyForm.getByLabel('Calendar').selectOption({ label: 'Milan office' });
    await policyForm.getByLabel('Urgent — First response').fill('0');
    await policyForm.getByLabel('VIP customers only').check();
    await policyForm.getByRole('button', { name: 'Save' }).click();
    expect(await policyForm.getByRole('alert').textContent()).toBe(
      'targets.urgent.firstResponse: a target must be more than zero minutes',
    );
    await policyForm.getByLabel('Urgent — First response').fill('15');
    await policyForm.getByLabel('Raise priority').check();
    await policyForm.getByRole('button', { name: 'Save' }).click();
    const policies = page.getByRole('region', { name: 'Policies (the first that matches applies)' });
    await policies.getByText('5. Italian VIPs').waitFor();
    expect(await policies.getByRole('listitem').filter({ hasText: 'Italian VIPs' }).textContent()).toContain(
      'Milan office',
    );
    await saveScreenshot(page, 'sla-settings');
    expect(pageErrors).toEqual([]);
  });
});
