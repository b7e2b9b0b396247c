/**
 * The dashboard as an agent uses it, in headless Chromium against the real server in demo mode: sign in,
 * a simulated customer writes, the ticket appears live, the agent replies, the phone receives it, the
 * ticks follow, a note stays internal, the ticket is solved, Arabic mirrors the layout, a tablet fits,
 * every control has a name and the keyboard works. One browser, one page, the steps in order.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../dashboard/src/i18n/ar.json' with { type: 'json' };
import { eventually, startTestServer, type TestServer } from '../support/harness.ts';
import {
  DESKTOP,
  ensureDashboardBuilt,
  launchBrowser,
  saveScreenshot,
  signIn,
  TABLET,
  watchPageErrors,
} from './support/browser.ts';
import type { PageDocument, PageWindow } from './support/page-globals.ts';

declare const window: PageWindow & { e2eDocument?: string };
declare const document: PageDocument;

const ADA = { waId: '15551230001', name: 'Ada Lovelace' };
const LINUS = { waId: '15551230002', name: 'Linus Pauling' };

describe('agent dashboard in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  const ticketList = () => page.getByRole('list', { name: 'Tickets' });
  const timeline = () => page.getByRole('log', { name: 'Messages' });

  beforeAll(async () => {
    ensureDashboardBuilt();
    [server, browser] = await Promise.all([
      startTestServer('sqlite'),
      launchBrowser({ fakeMicrophone: true }),
    ]);
    context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
    await seedBackgroundTickets(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in with the demo admin', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    await saveScreenshot(page, 'login');
    await signIn(page, server);
    await page.getByRole('link', { name: /^All/ }).click();
    await page.waitForURL(/\/inbox\/all$/);
    // Marks this document: a reload or a full navigation would lose it.
    await page.evaluate(() => Object.assign(window, { e2eDocument: 'first' }));
  });

  it('shows a new customer message live in the inbox, without a reload', async () => {
    server.simulator.customer(ADA).sendText('Hello, my router blinks red since this morning 😟');
    const row = ticketList().getByRole('link', { name: /Ada Lovelace/ });
    await row.waitFor({ timeout: 5_000 });
    await expect.poll(() => row.textContent()).toContain('my router blinks red');
    expect(await page.evaluate(() => window.e2eDocument)).toBe('first');
  });

  it('opens the ticket and replies with Enter; the phone receives it and the ticks follow', async () => {
    const row = ticketList().getByRole('link', { name: /Ada Lovelace/ });
    expect(await row.getByText('Unread').count()).toBe(1);
    await row.click();
    await timeline().getByText('my router blinks red').waitFor();
    // Opening the ticket marks it read for this agent.
    await expect.poll(() => row.getByText('Unread').count()).toBe(0);
    const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
    await composer.fill('Hi Ada, please unplug it for ten seconds.');
    await composer.press('Enter');

    const ada = server.simulator.customer(ADA);
    const received = await eventually(() =>
      ada.inbox().find((m) => m.preview === 'Hi Ada, please unplug it for ten seconds.'),
    );
    expect(received.type).toBe('text');
    const reply = timeline().getByRole('article').filter({ hasText: 'please unplug it' });
    await reply.getByRole('img', { name: 'Delivered' }).waitFor({ timeout: 5_000 });
    await eventually(() => ada.inbox().every((m) => m.status === 'delivered'));
    await Promise.all(ada.readAll().map((delivery) => delivery.done));
    await reply.getByRole('img', { name: 'Read' }).waitFor({ timeout: 5_000 });
    await expect.poll(() => composer.inputValue()).toBe('');
  });

  it('keeps an internal note internal and shows it as a note', async () => {
    await page.getByRole('radio', { name: 'Internal note' }).click();
    const noteBox = page.getByRole('textbox', { name: 'Internal note' });
    await noteBox.fill('Router model RX-200; firmware known to reboot-loop.');
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = timeline().getByRole('article', { name: 'Internal note' });
    await note.filter({ hasText: 'RX-200' }).waitFor();
    expect(await note.evaluate((element) => window.getComputedStyle(element).backgroundColor)).not.toBe(
      await timeline()
        .getByRole('article')
        .filter({ hasText: 'please unplug it' })
        .evaluate((element) => window.getComputedStyle(element).backgroundColor),
    );
    await server.simulator.waitForIdle();
    expect(
      server.simulator
        .customer(ADA)
        .inbox()
        .map((m) => m.preview),
    ).not.toContain('Router model RX-200; firmware known to reboot-loop.');
    await page.getByRole('radio', { name: 'Reply' }).click();
  });

  it('solves the ticket', async () => {
    await page.getByRole('button', { name: 'Solve', exact: true }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('solved');
    await timeline().getByText('Administrator changed the status to Solved').waitFor();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await saveScreenshot(page, 'inbox-conversation-en');
  });

  it('names every control, moves with j/k and opens with the keyboard', async () => {
    server.simulator.customer(LINUS).sendText('My invoice shows the wrong address.');
    await ticketList()
      .getByRole('link', { name: /Linus Pauling/ })
      .waitFor();
    expect(await unnamedControls(page)).toEqual([]);

    for (const name of [
      'Assign to me',
      'Pending on customer',
      'Reopen',
      'Keyboard shortcuts',
      'Command menu',
      'Your profile',
    ]) {
      await page.getByRole('button', { name, exact: true }).waitFor();
    }
    for (const name of ['Assignee', 'Status', 'Priority', 'Sort by']) {
      await page.getByRole('combobox', { name, exact: true }).waitFor();
    }
    await page
      .getByRole('searchbox', { name: 'Search tickets' })
      .or(page.getByRole('textbox', { name: 'Search tickets' }))
      .waitFor();

    // The newest ticket (Linus) is first, Ada second and open; k goes up, j goes down.
    await page.getByRole('log', { name: 'Messages' }).focus();
    await page.keyboard.press('k');
    await page.getByRole('region', { name: 'Conversation with Linus Pauling' }).waitFor();
    await page.keyboard.press('j');
    await page.getByRole('region', { name: 'Conversation with Ada Lovelace' }).waitFor();
    await page.keyboard.press('k');
    await page.getByRole('region', { name: 'Conversation with Linus Pauling' }).waitFor();

    // r focuses the reply box; Enter sends, Shift+Enter would start a new line.
    await page.keyboard.press('r');
    const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
    await expect.poll(() => composer.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('Thanks Linus, fixing the address now.');
    await page.keyboard.press('Enter');
    await eventually(() => server.simulator.customer(LINUS).inbox().length === 1);
    await timeline().getByText('fixing the address now').waitFor();
  });

  it('mirrors the whole layout in Arabic', async () => {
    await ticketList()
      .getByRole('link', { name: /Ada Lovelace/ })
      .click();
    await page.getByRole('region', { name: 'Conversation with Ada Lovelace' }).waitFor();
    await page.getByRole('button', { name: 'Your profile' }).click();
    await page
      .getByRole('dialog', { name: 'Your profile' })
      .getByRole('combobox', { name: 'Language' })
      .selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.keyboard.press('Escape');

    const list = await page.getByRole('list', { name: ar.inbox.listLabel }).boundingBox();
    const arTimeline = page.getByRole('log', { name: ar.conversation.timeline });
    const conversation = await arTimeline.boundingBox();
    const brand = await page.getByRole('link', { name: 'Sightline' }).boundingBox();
    expect(list && conversation && brand).toBeTruthy();
    // A real mirror, not only text direction: the inbox column and the brand sit on the right.
    expect(list!.x).toBeGreaterThan(DESKTOP.width / 2);
    expect(list!.x + list!.width).toBeCloseTo(DESKTOP.width, -1);
    expect(conversation!.x + conversation!.width).toBeLessThan(list!.x + 1);
    expect(brand!.x).toBeGreaterThan(DESKTOP.width / 2);
    // The agent's own messages sit on the left (the "end" side) in Arabic.
    const own = await arTimeline.getByRole('article').filter({ hasText: 'please unplug it' }).boundingBox();
    const customer = await arTimeline
      .getByRole('article')
      .filter({ hasText: 'router blinks red' })
      .boundingBox();
    expect(own!.x).toBeLessThan(customer!.x);
    await page.getByRole('button', { name: ar.actions.reopen }).waitFor();
    await saveScreenshot(page, 'inbox-conversation-ar');
  });

  it('fits a tablet (820 × 1180) without sideways scrolling', async () => {
    await page.getByRole('button', { name: ar.auth.profile }).click();
    await page
      .getByRole('dialog', { name: ar.auth.profile })
      .getByRole('combobox', { name: ar.auth.language })
      .selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.keyboard.press('Escape');
    await page.setViewportSize(TABLET);
    await timeline().getByText('router blinks red').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('textbox', { name: 'Reply to the customer' }).waitFor();
    await saveScreenshot(page, 'conversation-tablet');
    await page.getByRole('button', { name: 'Back to the inbox' }).click();
    await ticketList()
      .getByRole('link', { name: /Ada Lovelace/ })
      .waitFor();
    await saveScreenshot(page, 'inbox-tablet');
    await page.setViewportSize(DESKTOP);
  });

  it('lets a newcomer play the customer on /phone, beside the agent', async () => {
    const phone = await context.newPage();
    const phoneErrors = watchPageErrors(phone);
    await phone.goto(`${server.url}/phone`);
    await phone.getByRole('heading', { name: 'Customer phone (demo)' }).waitFor();
    await phone.getByLabel('Phone number').fill('+33 6 12 34 56 78');
    await phone.getByLabel('Name', { exact: true }).fill('Zoé Martin');
    await phone.getByRole('button', { name: 'Create and open' }).click();
    const chat = phone.getByRole('region', { name: 'Chat of Zoé Martin' });
    await chat.waitFor();
    await chat.getByRole('textbox', { name: 'Message' }).fill('Bonjour, ma commande est arrivée cassée');
    await chat.getByRole('button', { name: 'Send' }).click();
    // The phone shows the message from the simulator's record, not from the browser's memory.
    await chat.getByRole('log').getByText('ma commande est arrivée cassée').waitFor();
    await chat.getByRole('img', { name: 'Sent' }).waitFor();

    // It arrives as a ticket with the customer's name, live, in the agent's tab.
    const row = ticketList().getByRole('link', { name: /Zoé Martin/ });
    await row.waitFor({ timeout: 5_000 });
    await row.click();
    const composer = page.getByRole('textbox', { name: 'Reply to the customer' });
    await composer.fill('Désolé Zoé, nous envoyons un remplacement.');
    await composer.press('Enter');
    await chat.getByRole('log').getByText('nous envoyons un remplacement').waitFor({ timeout: 5_000 });
    // The phone page is open, so the customer reads it: blue ticks on the agent's side.
    await timeline()
      .getByRole('article')
      .filter({ hasText: 'remplacement' })
      .getByRole('img', { name: 'Read' })
      .waitFor({ timeout: 5_000 });

    // A voice note recorded in Chromium travels with its real type (audio/webm;codecs=opus or ogg).
    await context.grantPermissions(['microphone']);
    await chat.getByRole('button', { name: 'Record a voice note' }).click();
    await chat.getByRole('status').getByText('Recording…').waitFor();
    await phone.waitForTimeout(700);
    await chat.getByRole('button', { name: 'Stop and send the voice note' }).click();
    await chat.getByRole('log').getByText('Voice note').waitFor();
    const zoe = server.simulator.customer({ waId: '33612345678' });
    const voice = await eventually(() => zoe.sent().find((record) => record.type === 'audio'));
    expect(voice.message.audio).toMatchObject({
      voice: true,
      mime_type: expect.stringMatching(/^audio\/(webm|ogg);\s*codecs=opus$/),
    });
    // Fetched, stored encrypted and playable in the agent's timeline (the player is named for screen readers).
    await timeline().getByLabel('Voice message').waitFor({ timeout: 10_000 });
    // Let the media pipeline finish with it before the server stops.
    await eventually(async () => (await server.runtime.queue.depth()) === 0, 10_000);
    await saveScreenshot(phone, 'phone');
    // After a reload the chat comes back from the simulator.
    await phone.reload();
    await phone
      .getByRole('region', { name: 'Chat of Zoé Martin' })
      .getByText('ma commande est arrivée cassée')
      .waitFor();
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** A few older conversations, so the inbox looks like a working day (and j/k has neighbours). */
async function seedBackgroundTickets(server: TestServer): Promise<void> {
  const sends = [
    server.simulator
      .customer({ waId: '5511987650001', name: 'Bruno Costa' })
      .sendText('Olá! O meu pedido #4471 ainda não chegou.'),
    server.simulator.customer({ waId: '393401234567', name: 'Chiara Bianchi' }).sendLocation({
      latitude: 45.4642,
      longitude: 9.19,
      name: 'Negozio Via Roma 12',
      address: 'Via Roma 12, Milano',
    }),
    server.simulator
      .customer({ waId: '971501234567', name: 'Fatima Haddad' })
      .sendText('مرحبا، لم يصلني رمز التحقق بعد'),
    server.simulator
      .customer({ waId: '819012345678', name: 'Kenji Tanaka' })
      .sendText('The app crashes when I open the camera'),
  ];
  await Promise.all(sends.map((sent) => sent.delivery));
  const { body } = await eventually(async () => {
    const list = await server.api<{ data: { id: string; contact: { name: string } }[] }>(
      'GET',
      '/api/v1/tickets',
    );
    return list.body.data.length === sends.length ? list : undefined;
  });
  const kenji = body.data.find((ticket) => ticket.contact.name === 'Kenji Tanaka')!;
  await server.api('PATCH', `/api/v1/tickets/${kenji.id}`, { priority: 'high', tags: ['app', 'android'] });
}

const INTERACTIVE_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'radio',
  'switch',
  'tab',
  'menuitem',
  'option',
  'slider',
  'spinbutton',
  'listbox',
]);

/** Interactive elements the browser's own accessibility tree gives no name (role and a DOM hint). */
async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        ignored: boolean;
        role?: { value?: string };
        name?: { value?: string };
        backendDOMNodeId?: number;
      }[];
    };
    const unnamed = nodes.filter(
      (node) =>
        !node.ignored && INTERACTIVE_ROLES.has(node.role?.value ?? '') && !(node.name?.value ?? '').trim(),
    );
    const described: string[] = [];
    for (const node of unnamed) {
      const { node: dom } = (await cdp.send('DOM.describeNode', {
        backendNodeId: node.backendDOMNodeId,
      })) as {
        node: { localName: string; attributes?: string[] };
      };
      described.push(`${node.role?.value} <${dom.localName} ${(dom.attributes ?? []).join(' ')}>`);
    }
    return described;
  } finally {
    await cdp.detach();
  }
}
