/**
 * The supervisor's analytics view in Chromium, over a month of generated history: KPI tiles against the
 * previous period, the day charts, the peak-hours grid, staffing against agents online and the agent board.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshChangedFacts } from '../../src/analytics/index.ts';
import { DAY, HOUR, MINUTE } from '../../src/kernel/index.ts';
import { analyticsFixtures } from '../support/analytics-fixtures.ts';
import { startTestServer, type TestServer } from '../support/harness.ts';
import {
  DESKTOP,
  ensureDashboardBuilt,
  launchBrowser,
  saveScreenshot,
  signIn,
  watchPageErrors,
} from './support/browser.ts';

/** Six weeks of tickets on weekday office hours, answered by two agents, some bot-resolved, with surveys. */
async function seedHistory(server: TestServer): Promise<void> {
  const now = Date.now();
  const f = analyticsFixtures(server.store.db, () => now);
  const channelId = await f.channel();
  const team = await f.team('Support');
  const agents = [await f.user('Ada Lovelace'), await f.user('Grace Hopper')];
  await f.presence(agents[0]!, 'online', now - 2 * HOUR);
  await server.store.db
    .updateTable('users')
    .set({ presence: 'online' })
    .where('id', '=', agents[0]!)
    .execute();
  const start = Math.floor(now / DAY) * DAY - 42 * DAY;
  let n = 0;
  for (let day = 0; day < 42; day += 1) {
    const weekday = new Date(start + day * DAY).getUTCDay() % 6 !== 0;
    for (let hour = 8; hour < 19; hour += weekday ? 1 : 3) {
      const opened = start + day * DAY + hour * HOUR + ((n * 7) % 50) * MINUTE;
      if (opened > now - HOUR) {
        continue;
      }
      n += 1;
      const contactId = await f.contact(n % 3 === 0 ? 'enterprise' : 'consumer');
      const bot = n % 5 === 0;
      const ticket = {
        id: await f.ticket({
          channelId,
          contactId,
          createdAt: opened,
          status: 'solved',
          teamId: team,
          assigneeId: bot ? null : agents[n % 2]!,
          firstResponseAt: bot ? null : opened + (1 + (n % 9)) * MINUTE,
          solvedAt: opened + (20 + (n % 40)) * MINUTE,
          botResolved: bot,
        }),
        channelId,
        contactId,
      };
      await f.message(ticket, 'customer', opened);
      await f.message(ticket, bot ? 'bot' : 'agent', opened + (bot ? 5_000 : (1 + (n % 9)) * MINUTE));
      if (n % 2 === 0) {
        await f.survey({
          kind: 'csat',
          contactId,
          ticketId: ticket.id,
          sentAt: opened + HOUR,
          score: 2 + (n % 4),
        });
      }
    }
  }
  await refreshChangedFacts(server.store.db, 'sqlite', now, 7 * DAY);
}

describe('analytics in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ensureDashboardBuilt();
    [server, browser] = await Promise.all([startTestServer('sqlite'), launchBrowser()]);
    await seedHistory(server);
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows KPIs against the previous period, charts, peak hours, staffing and the agent board', async () => {
    await page.goto(`${server.url}/inbox/all`);
    await signIn(page, server);
    await page.getByRole('link', { name: 'Analytics' }).click();
    const view = page.getByRole('main', { name: 'Analytics' });
    await view.waitFor();
    const opened = view.getByRole('region', { name: 'Tickets opened' });
    await expect
      .poll(async () => Number(await opened.locator('.sl-analytics__value').textContent()))
      .toBeGreaterThan(100);
    await expect.poll(() => view.getByRole('region', { name: 'CSAT (4–5)' }).textContent()).toMatch(/%/);
    await expect
      .poll(() => view.getByRole('region', { name: 'First response (median)' }).textContent())
      .toMatch(/min/);
    expect(
      await view
        .getByRole('table', { name: /Peak hours/ })
        .locator('tr')
        .count(),
    ).toBe(7);
    expect(await view.locator('figure canvas').count()).toBeGreaterThanOrEqual(3);
    const board = view.getByRole('table', { name: 'Agents' });
    await expect.poll(() => board.textContent()).toContain('Ada Lovelace');
    expect(await board.textContent()).toContain('online');
    const csv = await view.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const response = await page.request.get(`${server.url}${csv}`);
    expect(response.headers()['content-type']).toMatch(/text\/csv/);
    await view.getByLabel('Period').selectOption('7');
    await expect
      .poll(async () => Number(await opened.locator('.sl-analytics__value').textContent()))
      .toBeLessThan(100);
    await view.getByLabel('Period').selectOption('30');
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'analytics');
    expect(pageErrors).toEqual([]);
  });
});
