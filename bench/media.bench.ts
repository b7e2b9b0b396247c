/**
 * npm run bench:media — streaming media intake under load, and thumbnail speed.
 *
 * The helpdesk runs in its own process (embedded SQLite, disk blob store); the fake Meta lives in this
 * one. A 100 MB document and a 16 MB video are fetched, hashed, encrypted and stored while customers keep
 * sending text messages. Reported: the server's peak resident memory above its idle level (sampled from
 * /proc), and intake MB/s next to a plain file copy of the same bytes measured in the same run.
 * Then thumbnails (and web-sized copies) of a 12-megapixel photo, through the same code the worker runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { processImage } from '../src/media/index.ts';
import { startSimulatorHarness, TEST_CONFIG } from '../src/simulator/simulator.harness.ts';
import { freePort } from '../test/support/child-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const MB = 1024 * 1024;
const TOKEN = 'bench-media-bootstrap-token-01';

function readRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--role', 'all'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Sightline is running')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      throw new Error(`server did not start:\n${output}`);
    }
    await sleep(100);
  }
  return child;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function api<T>(port: number, route: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return (await response.json()) as T;
}

interface MediaMessage {
  wamid: string | null;
  media?: { state: string; stateReason: string | null } | null;
}

async function waitStored(port: number, waId: string, wamid: string, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tickets = await api<{ data: { id: string }[] }>(port, `/api/v1/tickets?q=${waId}`);
    const ticketId = tickets.data[0]?.id;
    if (ticketId) {
      const messages = await api<{ data: MediaMessage[] }>(
        port,
        `/api/v1/tickets/${ticketId}/messages?limit=500`,
      );
      const media = messages.data.find((m) => m.wamid === wamid)?.media;
      if (media && media.state !== 'pending' && media.state !== 'downloading') {
        if (media.state !== 'stored') {
          throw new Error(`media ended ${media.state}: ${media.stateReason}`);
        }
        return performance.now();
      }
    }
    if (Date.now() > deadline) {
      throw new Error('media not stored in time');
    }
    await sleep(25);
  }
}

/** A plain copy of the same bytes through the file system: the ceiling intake is compared with. */
function measureFileCopy(data: Buffer, dir: string): number {
  const source = path.join(dir, 'copy-source.bin');
  fs.writeFileSync(source, data);
  const started = performance.now();
  fs.copyFileSync(source, path.join(dir, 'copy-target.bin'));
  const seconds = (performance.now() - started) / 1000;
  return data.length / MB / seconds;
}

async function benchIntake(lines: string[]): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-media-'));
  const meta = await startSimulatorHarness({ retryDelaysMs: [100, 200, 400] });
  const port = await freePort();
  meta.simulator.setEndpoints({ webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp` });
  const server = await startServer(
    {
      DATA_DIR: dataDir,
      SIGHTLINE_BOOTSTRAP_TOKEN: TOKEN,
      WHATSAPP_APP_SECRET: TEST_CONFIG.appSecret,
      WHATSAPP_VERIFY_TOKEN: 'verify',
      WHATSAPP_ACCESS_TOKEN: TEST_CONFIG.accessToken,
      WHATSAPP_PHONE_NUMBER_ID: TEST_CONFIG.phoneNumberId,
      WHATSAPP_BUSINESS_ACCOUNT_ID: TEST_CONFIG.wabaId,
      WHATSAPP_GRAPH_URL: meta.graphUrl,
    },
    port,
  );
  try {
    // Warm up every code path once (sharp, file-type, the vault), then let the process settle.
    const warm = meta.simulator.customer({ waId: '33600000001' });
    const small = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const warmSent = warm.sendImage({ data: small, mimeType: 'image/jpeg' });
    await waitStored(port, '33600000001', warmSent.wamid);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(100 * MB - 64)]);
    const loadedPdf = Buffer.concat([Buffer.from('%PDF-1.5\n'), randomBytes(100 * MB - 64)]);
    const mp4Header = Buffer.from('000000206674797069736f6d0000020069736f6d69736f32617663316d703431', 'hex');
    const video = Buffer.concat([mp4Header, randomBytes(16 * MB - mp4Header.length - 1024)]);
    await sleep(1500);
    const idleSamples: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      idleSamples.push(readRss(server.pid!));
      await sleep(50);
    }
    const idle = Math.max(...idleSamples);

    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, readRss(server.pid!));
    }, 10);
    // Quiet run first: the 100 MB document alone, no other traffic.
    const quiet = meta.simulator.customer({ waId: '33600000003' });
    const quietStarted = performance.now();
    const quietSent = quiet.sendDocument({ data: pdf, mimeType: 'application/pdf', filename: 'quiet.pdf' });
    const quietMbps =
      (pdf.length / MB / ((await waitStored(port, '33600000003', quietSent.wamid)) - quietStarted)) * 1000;
    let texts = 0;
    let chatting = true;
    const chatter = (async () => {
      const people = Array.from({ length: 20 }, (_, i) =>
        meta.simulator.customer({ waId: `3370000${String(i).padStart(4, '0')}` }),
      );
      while (chatting) {
        await Promise.all(people.map((p) => p.sendText(`message ${texts}`).delivery));
        texts += people.length;
        await sleep(20);
      }
    })();

    const customer = meta.simulator.customer({ waId: '33600000002' });
    const started = performance.now();
    const docSent = customer.sendDocument({
      data: loadedPdf,
      mimeType: 'application/pdf',
      filename: 'big.pdf',
    });
    const videoSent = customer.sendVideo({ data: video, mimeType: 'video/mp4' });
    const [docDone, videoDone] = await Promise.all([
      waitStored(port, '33600000002', docSent.wamid),
      waitStored(port, '33600000002', videoSent.wamid),
    ]);
    chatting = false;
    await chatter;
    clearInterval(sampler);
    const seconds = (Math.max(docDone, videoDone) - started) / 1000;
    const intakeMbps = (loadedPdf.length + video.length) / MB / seconds;
    const copyMbps = measureFileCopy(pdf, dataDir);
    lines.push(
      row('idle RSS of the server', `${(idle / MB).toFixed(0)} MB`, ''),
      row(
        'peak RSS above idle (the 100 MB run, then 100 + 16 MB + texts)',
        `${((peak - idle) / MB).toFixed(1)} MB`,
        'target ≤ 64 MB',
      ),
      row(
        'intake, 100 MB document alone (download→hash→encrypt→disk)',
        `${quietMbps.toFixed(0)} MB/s`,
        `${((quietMbps / copyMbps) * 100).toFixed(0)} % of copy`,
      ),
      row(
        'intake, 100 MB + 16 MB under text load',
        `${intakeMbps.toFixed(0)} MB/s`,
        `${((intakeMbps / copyMbps) * 100).toFixed(0)} % of copy`,
      ),
      row('baseline: plain file copy of the 100 MB', `${copyMbps.toFixed(0)} MB/s`, '100 %'),
      row('text messages ingested meanwhile', String(texts), `${(texts / seconds).toFixed(0)}/s`),
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await meta.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchThumbnails(lines: string[]): Promise<void> {
  const photo = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#777',
      noise: { type: 'gaussian', mean: 120, sigma: 30 },
    },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
  await processImage(photo);
  const times: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const started = performance.now();
    await processImage(photo);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  lines.push(
    row(
      '12 MP JPEG → 1600 px JPEG + 320 px WebP thumbnail (median)',
      `${times[3]!.toFixed(0)} ms`,
      'target < 150 ms',
    ),
    row(
      '  fastest / slowest',
      `${times[0]!.toFixed(0)} / ${times[6]!.toFixed(0)} ms`,
      `${(photo.length / MB).toFixed(1)} MB file`,
    ),
  );
}

function row(what: string, value: string, note: string): string {
  return `| ${what.padEnd(64)} | ${value.padStart(10)} | ${note.padEnd(18)} |`;
}

const lines = [
  row('measure', 'value', 'vs / target'),
  `|${'-'.repeat(66)}|${'-'.repeat(12)}|${'-'.repeat(20)}|`,
];
await benchIntake(lines);
await benchThumbnails(lines);
process.stdout.write(
  `\nSightline media benchmark (${os.cpus().length} cores, Node ${process.version})\n\n${lines.join('\n')}\n\n`,
);
process.exit(0);
