/**
 * End-to-end support: headless Chromium (Debian's `chromium`, driven by playwright-core), the built
 * dashboard, signing in as the demo admin, screenshots and measured figures.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { TestServer } from '../../support/harness.ts';
import type { PageDocument } from './page-globals.ts';

declare const document: PageDocument;

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Screenshots and figures go to docs/ when E2E_WRITE_DOCS=1 (`npm run docs:e2e`), else to test-results/. */
export const OUTPUT_DIR =
  process.env.E2E_WRITE_DOCS === '1' ? path.join(ROOT, 'docs') : path.join(ROOT, 'test-results/e2e');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const TABLET = { width: 820, height: 1180 } as const;

function findChromium(): string {
  const onPath = (() => {
    try {
      return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  })();
  const found = [onPath, ...CHROMIUM_CANDIDATES].find((candidate) => candidate && fs.existsSync(candidate));
  if (!found) {
    throw new Error(
      'Chromium is not installed, so the end-to-end tests cannot run. Install it with `apt-get install chromium` (CI does this in .ci/run).',
    );
  }
  return found;
}

/** Builds the dashboard bundle when it is missing or older than its sources (the same script as `npm test`). */
export function ensureDashboardBuilt(): void {
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/ensure-dashboard.mjs')], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch (error) {
    const output =
      error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr) : '';
    throw new Error(
      `The dashboard bundle could not be built (node scripts/ensure-dashboard.mjs):\n${output}`,
    );
  }
  if (!fs.existsSync(path.join(ROOT, 'dashboard/dist/index.html'))) {
    throw new Error('dashboard/dist/index.html is missing: run `npm run build` first.');
  }
}

/** `fakeMicrophone`: a synthetic microphone the page may use without a prompt (voice notes). */
export async function launchBrowser(options: { fakeMicrophone?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      ...(options.fakeMicrophone
        ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
        : []),
    ],
  });
}

/** Fails the test on any uncaught error in the page, with the message. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function signIn(page: Page, server: TestServer): Promise<void> {
  const { adminEmail, adminPassword } = server.runtime.demo!.secrets;
  await page.getByLabel('Email').fill(adminEmail);
  await page.getByLabel('Password').fill(adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Views' }).waitFor();
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(OUTPUT_DIR, 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // No focus ring left over from the last click, no caret, no animation: images change only when the UI does.
  await page.evaluate(() => document.activeElement?.blur?.());
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return file;
}

export function writeFigures(figures: Record<string, unknown>): string {
  const file = path.join(OUTPUT_DIR, 'e2e-figures.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
