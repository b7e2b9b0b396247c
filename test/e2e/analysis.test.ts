/**
 * Media analysis in Chromium, against the real server and the simulated phone: a blurry photo gets the
 * re-shoot guidance on the customer's phone and in the agent's timeline, with its flag beside the photo;
 * a photo re-used by a second customer is flagged with a link to the first customer's ticket.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blurred, jpeg, texturedPhoto } from '../support/analysis-images.ts';
import { eventually, startTestServer, type TestServer } from '../support/harness.ts';
import {
  DESKTOP,
  ensureDashboardBuilt,
  launchBrowser,
  saveScreenshot,
  signIn,
  watchPageErrors,
} from './support/browser.ts';

describe('media analysis in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  const timeline = () => page.getByRole('log', { name: 'Messages' });
  const openTicket = async (name: string) => {
    await page
      .getByRole('list', { name: 'Tickets' })
      .getByRole('link', { name: new RegExp(name) })
      .click();
  };
  const ticketOf = (waId: string) =>
    eventually(async () => {
      const list = await server.api<{ data: { id: string; number: number; contact: { waId: string } }[] }>(
        'GET',
        `/api/v1/tickets?q=${waId}`,
      );
      return list.body.data.find((t) => t.contact.waId === waId);
    });

  beforeAll(async () => {
    ensureDashboardBuilt();
    [server, browser] = await Promise.all([startTestServer('sqlite'), launchBrowser()]);
    context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'UTC' });
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

  it('asks for a new photo when it is blurry, on the phone and in the timeline, and flags it', async () => {
    const phone = await context.newPage();
    const phoneErrors = watchPageErrors(phone);
    await phone.goto(`${server.url}/phone`);
    await phone.getByLabel('Phone number').fill('+33 6 98 76 54 32');
    await phone.getByLabel('Name', { exact: true }).fill('Zoé Martin');
    await phone.getByRole('button', { name: 'Create and open' }).click();
    const chat = phone.getByRole('region', { name: 'Chat of Zoé Martin' });
    await chat
      .getByRole('textbox', { name: 'Message' })
      .fill('Bonjour, le colis est arrivé abîmé et je voudrais un échange, s’il vous plaît');
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByRole('log').getByText('le colis est arrivé abîmé').waitFor();

    const zoe = server.simulator.customer({ waId: '33698765432' });
    await zoe.sendImage({ data: await blurred(201), mimeType: 'image/jpeg', caption: 'le carton' }).delivery;
    // On the customer's phone: the bot's guidance, in French.
    await chat
      .getByRole('log')
      .getByText(/Votre photo est floue/)
      .waitFor({ timeout: 20_000 });

    await openTicket('Zoé Martin');
    await timeline().getByText('le carton').waitFor();
    const flag = timeline().locator('[data-flag="blurry"]');
    await flag.waitFor({ timeout: 20_000 });
    expect(await flag.textContent()).toBe('Blurry');
    await timeline()
      .getByText(/Votre photo est floue/)
      .waitFor();
    await timeline().getByText('The bot asked the customer to send the photo again (Blurry)').waitFor();
    await saveScreenshot(page, 'analysis-blurry');
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });

  it('flags a photo re-used by a second customer with a link to the first one’s ticket', async () => {
    const photo = await jpeg(await texturedPhoto(202));
    const grace = server.simulator.customer({ waId: '15551239101', name: 'Grace Hopper' });
    await grace.sendImage({ data: photo, mimeType: 'image/jpeg', caption: 'my broken lamp' }).delivery;
    const graceTicket = await ticketOf('15551239101');
    await eventually(
      async () =>
        (await server.store.db
          .selectFrom('media_hashes')
          .select('media_id')
          .where('ticket_id', '=', graceTicket.id)
          .executeTakeFirst()) !== undefined,
      15_000,
    );
    const alan = server.simulator.customer({ waId: '15551239102', name: 'Alan Turing' });
    const copy = await sharp(photo).resize(1000).jpeg({ quality: 72 }).toBuffer();
    await alan.sendImage({ data: copy, mimeType: 'image/jpeg', caption: 'lamp arrived broken' }).delivery;

    await openTicket('Alan Turing');
    await timeline().getByText('lamp arrived broken').waitFor();
    await timeline().locator('[data-flag="duplicate_of"]').waitFor({ timeout: 20_000 });
    const link = timeline()
      .locator('.sl-analysis')
      .getByRole('link', { name: `Same picture as ticket #${graceTicket.number}` });
    await link.waitFor();
    // The timeline says so too, with the same link.
    await timeline()
      .getByRole('link', { name: `A photo in this ticket was already sent in ticket #${graceTicket.number}` })
      .waitFor();
    await saveScreenshot(page, 'analysis-duplicate');
    await link.click();
    await page.waitForURL(new RegExp(`/inbox/all/${graceTicket.id}`));
    await timeline().getByText('my broken lamp').waitFor();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
