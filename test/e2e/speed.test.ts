/**
 * Speed as an agent feels it, with 10,000 open tickets: the inbox's first render (navigation → first rows
 * painted) and a new customer message's trip from the webhook's 200 to the agent's screen. Printed and
 * written to e2e-figures.json; the assertions are only generous ceilings (5× the targets of issue 3:
 * 1 s and 500 ms), since absolute times depend on the machine.
 */
import os from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundDraft } from '../../src/simulator/index.ts';
import { eventually, startTestServer, type TestServer } from '../support/harness.ts';
import {
  DESKTOP,
  ensureDashboardBuilt,
  launchBrowser,
  median,
  signIn,
  writeFigures,
} from './support/browser.ts';
import type { PageDocument, PageMutationObserverConstructor } from './support/page-globals.ts';

declare const window: { firstRowsAt?: number; seenAt?: Record<string, number> };
declare const document: PageDocument;
declare const MutationObserver: PageMutationObserverConstructor;
declare function requestAnimationFrame(callback: () => void): number;

const OPEN_TICKETS = 10_000;
const BATCH = 250;
const TARGET_FIRST_RENDER_MS = 1_000;
const TARGET_LIVE_MS = 500;

const FIRST_NAMES = [
  'Ada',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elif',
  'Fatima',
  'Gustavo',
  'Hana',
  'Ines',
  'Jamal',
  'Kenji',
  'Lucía',
];
const LAST_NAMES = [
  'Rossi',
  'Martin',
  'García',
  'Haddad',
  'Novak',
  'Okafor',
  'Silva',
  'Tanaka',
  'Weber',
  'Yilmaz',
];
const OPENERS = [
  'My router keeps blinking red',
  'The parcel arrived with a cracked screen',
  'I was charged twice this month',
  'The app crashes when I open the camera',
  'How do I reset my password?',
  'The installer never came yesterday',
  'My invoice shows the wrong address',
  'Is the store open on Sunday?',
];

interface Figures {
  seeding: { tickets: number; ms: number };
  inboxFirstRender: { coldMs: number[]; warmMs: number[] };
  live: { conversationMs: number[]; inboxRowMs: number[] };
}

describe('speed with 10,000 open tickets', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const figures: Figures = {
    seeding: { tickets: 0, ms: 0 },
    inboxFirstRender: { coldMs: [], warmMs: [] },
    live: { conversationMs: [], inboxRowMs: [] },
  };

  beforeAll(async () => {
    ensureDashboardBuilt();
    [server, browser] = await Promise.all([startTestServer('sqlite'), launchBrowser()]);
    context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('seeds 10,000 customers, one message each, through signed webhooks', async () => {
    const started = performance.now();
    for (let first = 0; first < OPEN_TICKETS; first += BATCH * 4) {
      // Four webhooks in flight at a time, each with 250 customers' messages (as Meta batches them).
      const webhooks = [0, 1, 2, 3].map((slot) => {
        const drafts: InboundDraft[] = [];
        for (
          let index = first + slot * BATCH;
          index < Math.min(first + (slot + 1) * BATCH, OPEN_TICKETS);
          index += 1
        ) {
          const name = `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]}`;
          const customer = server.simulator.customer({ waId: `4470${String(index).padStart(8, '0')}`, name });
          drafts.push(customer.compose.text(`${OPENERS[index % OPENERS.length]} (order ${100_000 + index})`));
        }
        return drafts.length > 0 ? server.simulator.sendBatch(drafts)[0]?.delivery : undefined;
      });
      const results = await Promise.all(webhooks);
      expect(results.every((result) => result === undefined || result.state === 'delivered')).toBe(true);
    }
    const counts = await eventually(async () => {
      const { body } = await server.api<{ all: number }>('GET', '/api/v1/tickets/counts');
      return body.all === OPEN_TICKETS ? body : undefined;
    }, 30_000);
    figures.seeding = { tickets: counts.all, ms: Math.round(performance.now() - started) };
    console.info(`[speed] seeded ${counts.all} open tickets in ${figures.seeding.ms} ms`);
  });

  it('renders the inbox quickly with 10,000 open tickets', async () => {
    await page.goto(server.url);
    await signIn(page, server);
    const session = await context.storageState();
    // Cold: a new tab with an empty HTTP cache (the bundle is fetched and parsed too).
    for (let run = 0; run < 3; run += 1) {
      const cold = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', storageState: session });
      const coldPage = await cold.newPage();
      figures.inboxFirstRender.coldMs.push(await measureFirstRows(coldPage, `${server.url}/inbox/all`));
      await cold.close();
    }
    // Warm: the agent's own tab, reloaded (cached bundle, same session).
    for (let run = 0; run < 3; run += 1) {
      figures.inboxFirstRender.warmMs.push(await measureFirstRows(page, `${server.url}/inbox/all`));
    }
    console.info(
      `[speed] inbox first render with ${OPEN_TICKETS} tickets: cold ${fmt(figures.inboxFirstRender.coldMs)}, warm ${fmt(figures.inboxFirstRender.warmMs)} (target < ${TARGET_FIRST_RENDER_MS} ms)`,
    );
    expect(median(figures.inboxFirstRender.coldMs)).toBeLessThan(5 * TARGET_FIRST_RENDER_MS);
    // Only visible rows are in the DOM (virtualised), yet the list knows there are more.
    expect(await page.locator('.sl-row').count()).toBeLessThan(60);
  });

  it('shows a customer message on the agent screen soon after the webhook is acknowledged', async () => {
    // The agent has one of the 10,000 tickets open; that customer writes again.
    const waId = `4470${String(OPEN_TICKETS - 1).padStart(8, '0')}`;
    const { body } = await server.api<{ data: { id: string }[] }>('GET', `/api/v1/tickets?q=${waId}`);
    expect(body.data).toHaveLength(1);
    await page.goto(`${server.url}/inbox/all/${body.data[0]!.id}`);
    await page
      .getByRole('log', { name: 'Messages' })
      .getByText(`order ${100_000 + OPEN_TICKETS - 1}`)
      .waitFor();
    const customer = server.simulator.customer({ waId });

    for (let run = 0; run < 7; run += 1) {
      const text = `Still blinking, attempt ${run} ${Math.random().toString(36).slice(2, 8)}`;
      figures.live.conversationMs.push(await measureLive(page, server, text, () => customer.sendText(text)));
      await page.waitForTimeout(250);
    }
    // A brand-new customer: the ticket appears at the top of the inbox list.
    for (let run = 0; run < 5; run += 1) {
      const text = `New here ${run}: my card was declined ${Math.random().toString(36).slice(2, 8)}`;
      const newcomer = server.simulator.customer({
        waId: `4479${String(run).padStart(8, '0')}`,
        name: `Newcomer ${run}`,
      });
      figures.live.inboxRowMs.push(await measureLive(page, server, text, () => newcomer.sendText(text)));
      await page.waitForTimeout(1_100);
    }
    console.info(
      `[speed] webhook 200 → visible: open conversation ${fmt(figures.live.conversationMs)}, inbox row ${fmt(figures.live.inboxRowMs)} (target < ${TARGET_LIVE_MS} ms)`,
    );
    expect(median(figures.live.conversationMs)).toBeLessThan(5 * TARGET_LIVE_MS);
    expect(median(figures.live.inboxRowMs)).toBeLessThan(5 * TARGET_LIVE_MS);
  });

  it('writes the figures', () => {
    const cpus = os.cpus();
    const file = writeFigures({
      measuredAt: new Date().toISOString(),
      machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, headless Chromium, SQLite`,
      openTickets: figures.seeding.tickets,
      seedingMs: figures.seeding.ms,
      inboxFirstRenderMs: Math.round(median(figures.inboxFirstRender.coldMs)),
      inboxFirstRenderRunsMs: {
        cold: figures.inboxFirstRender.coldMs.map(Math.round),
        warm: figures.inboxFirstRender.warmMs.map(Math.round),
      },
      liveMessageMs: summary(figures.live.conversationMs),
      liveNewTicketRowMs: summary(figures.live.inboxRowMs),
      targets: { inboxFirstRenderMs: TARGET_FIRST_RENDER_MS, liveMessageMs: TARGET_LIVE_MS },
      method: {
        inboxFirstRenderMs:
          'median of 3 fresh tabs (empty HTTP cache, signed in): navigation start → the frame after the first ticket row is in the DOM (performance.now() in the page)',
        liveMessageMs:
          'simulator webhook answered 200 (end of the HTTP exchange, epoch ms) → the frame after the text is in the open conversation (MutationObserver + requestAnimationFrame, performance.timeOrigin + now())',
        liveNewTicketRowMs:
          'same, for a new customer whose ticket appears in the inbox list; the first run comes 250 ms after the previous message, so it waits for the list refresh throttle (at most one inbox list refetch per second)',
      },
    });
    console.info(`[speed] figures written to ${file}`);
  });
});

function fmt(values: readonly number[]): string {
  return `median ${Math.round(median(values))} ms (runs ${values.map((value) => Math.round(value)).join(', ')})`;
}

function summary(values: readonly number[]) {
  return {
    median: Math.round(median(values)),
    max: Math.round(Math.max(...values)),
    runs: values.map((value) => Math.round(value)),
  };
}

const watchedPages = new WeakSet<Page>();

/** Navigation start → the animation frame after the first ticket row exists. */
async function measureFirstRows(page: Page, url: string): Promise<number> {
  if (!watchedPages.has(page)) {
    watchedPages.add(page);
    await page.addInitScript(installFirstRowProbe);
  }
  await page.goto(url);
  return page
    .waitForFunction(() => window.firstRowsAt)
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/** Runs in the page before its scripts: notes the frame after the first ticket row exists. */
function installFirstRowProbe(): void {
  const state = window;
  const observer = new MutationObserver(() => {
    if (state.firstRowsAt === undefined && document.querySelector('.sl-row')) {
      observer.disconnect();
      requestAnimationFrame(() => {
        state.firstRowsAt = performance.now();
      });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Watches the page for `text`, sends the message, and returns (first frame with the text) − (the moment
 * the simulator's webhook POST got its 200), both as epoch milliseconds on this machine's clock.
 */
async function measureLive(
  page: Page,
  server: TestServer,
  text: string,
  send: () => { deliveryId: string },
): Promise<number> {
  await page.evaluate((wanted) => {
    const state = window;
    state.seenAt ??= {};
    const seen = state.seenAt;
    const observer = new MutationObserver(() => {
      if (document.body.textContent?.includes(wanted)) {
        observer.disconnect();
        requestAnimationFrame(() => {
          seen[wanted] = performance.timeOrigin + performance.now();
        });
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, text);
  const sent = send();
  const delivery = server.simulator.deliveries().find((item) => item.id === sent.deliveryId)!;
  const attempt = await delivery.firstAttempt;
  expect(attempt.status).toBe(200);
  const acknowledgedAt = attempt.at + attempt.durationMs;
  const seenAt = (await page
    .waitForFunction((wanted) => window.seenAt?.[wanted], text, { timeout: 10_000 })
    .then((handle) => handle.jsonValue())) as number;
  return seenAt - acknowledgedAt;
}
