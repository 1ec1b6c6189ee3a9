import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { DEMO_PASSWORD } from '../src/server/demo/seed.ts';
import { freePort } from '../test/nginx.ts';
import { ensureServerBuild, SERVER_MAIN } from '../test/server-build.ts';
import { ensureWebBuild } from '../test/web-build.ts';

/**
 * `npm run bench:paint`: how soon the web client shows something, and its main content, on a slow line with a cold
 * cache. Chromium (Debian's) through the DevTools protocol, throttled to 9 Mbit/s down and up and 60 ms round trip,
 * the browser cache off; each load in a fresh browser context. For `/innsyn`, the logged-in start page, a meeting page
 * and the portfolio, on the demo data of the built app (`node dist/app/server/main.js`, as production runs it):
 * first contentful paint, and the moment the page's main content (a selector per page, filled from the API) is
 * visible, both from the start of the navigation; the median of the loads, and the bytes that came over the line.
 *
 * Each page is loaded in two ways, in turn: as a browser that accepts br and gzip (what the server sends now) and
 * as one that accepts no compression (`Accept-Encoding: identity` through Network.setExtraHTTPHeaders), which gets the bytes as the server
 * sent them before issue 16: the before and after of compression in one run, on one build.
 *
 *   --runs <n>       loads per page and way (5)
 *   --only <way>     compressed or plain: that way only
 *   --json <file>    also write the results as JSON
 *
 * CHROMIUM_PATH: the browser (/usr/bin/chromium). See bench/README.md.
 */

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    json: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const DOWNLOAD_BITS_PER_SECOND = 9_000_000;
const ROUND_TRIP_MS = 60;
const TARGET_FCP_MS = 1000;
const ACCOUNT = 'sekretariat@digivesteralen.no';
const NETWORK = 'digivesteralen';

type Way = 'compressed' | 'plain';
const WAYS: Way[] = args.only ? [args.only as Way] : ['plain', 'compressed'];

interface Target {
  name: string;
  path: string;
  loggedIn: boolean;
  /** The main content: the first element that matches, visible, and holding `text` when given. */
  selector: string;
  text?: string;
}

interface Load {
  fcpMs: number;
  visibleMs: number;
  transferredBytes: number;
  requests: number;
}

interface Result {
  target: string;
  path: string;
  way: Way;
  loads: Load[];
  fcpMs: number;
  visibleMs: number;
  transferredBytes: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function startApp(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'digiregion-paint-'));
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: join(dataDir, 'pglite'),
      FILES_DIR: join(dataDir, 'files'),
      DATABASE_URL: '',
      DEMO: 'true',
      LOG_LEVEL: 'warn',
      METRICS_PORT: '0',
      RUN_JOBS: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the app did not answer /api/health within 180 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, stop };
}

/** Logs in as the network's secretariat once; each load gets a fresh context with that session and nothing else. */
async function sessionState(browser: Browser, url: string) {
  const context = await browser.newContext({ baseURL: url });
  const login = await context.request.post('/api/auth/login', { data: { email: ACCOUNT, password: DEMO_PASSWORD } });
  if (!login.ok()) throw new Error(`login failed: ${login.status()} ${await login.text()}`);
  const state = await context.storageState();
  const api = async <T>(path: string): Promise<T> => {
    const res = await context.request.get(`/api${path}`);
    if (!res.ok()) throw new Error(`${path}: ${res.status()}`);
    return (await res.json()) as T;
  };
  return { state, api, close: () => context.close() };
}

/** The pages, with a meeting of the network that has an agenda (the demo's) found through the API. */
async function targets(api: <T>(path: string) => Promise<T>): Promise<Target[]> {
  const networks = await api<{ slug: string; bodies: { id: string }[] }[]>('/public/networks');
  const bodies = networks.find((n) => n.slug === NETWORK)?.bodies ?? [];
  let meeting: { id: string; bodyName?: string } | undefined;
  const thisYear = new Date().getFullYear();
  for (const body of bodies) {
    for (const year of [thisYear, thisYear - 1, thisYear + 1]) {
      const meetings = await api<{ id: string; bodyName?: string }[]>(`/bodies/${body.id}/meetings?year=${year}`);
      meeting = meetings[0];
      if (meeting) break;
    }
    if (meeting) break;
  }
  if (!meeting) throw new Error(`no meeting found in ${NETWORK}`);
  const full = await api<{ bodyName: string }>(`/meetings/${meeting.id}`);
  return [
    { name: '/innsyn', path: '/innsyn', loggedIn: false, selector: 'main tbody tr' },
    { name: 'start page', path: '/', loggedIn: true, selector: 'main tbody tr' },
    { name: 'meeting page', path: `/moter/${meeting.id}`, loggedIn: true, selector: 'main h1', text: full.bodyName },
    { name: 'portfolio', path: `/n/${NETWORK}/prosjekter`, loggedIn: true, selector: 'main tbody tr' },
  ];
}

async function measure(context: BrowserContext, url: string, target: Target, way: Way): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: ROUND_TRIP_MS,
    downloadThroughput: DOWNLOAD_BITS_PER_SECOND / 8,
    uploadThroughput: DOWNLOAD_BITS_PER_SECOND / 8,
  });
  // Chromium keeps an Accept-Encoding the page's requests already carry.
  if (way === 'plain') await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  let transferredBytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => {
    transferredBytes += event.encodedDataLength;
    requests += 1;
  });
  await page.goto(`${url}${target.path}`, { waitUntil: 'commit' });
  const visibleMs = await page.waitForFunction(
    ({ selector, text }) => {
      for (const element of document.querySelectorAll(selector)) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.height > 0 && (!text || element.textContent?.includes(text))) return performance.now();
      }
      return false;
    },
    { selector: target.selector, text: target.text },
    { polling: 'raf', timeout: 60_000 },
  );
  const fcpMs = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false, undefined, {
    polling: 100,
    timeout: 30_000,
  });
  // What the page loads right after (its data, fonts) belongs to it too.
  await page.waitForLoadState('networkidle');
  const load = { fcpMs: Number(await fcpMs.jsonValue()), visibleMs: Number(await visibleMs.jsonValue()), transferredBytes, requests };
  await page.close();
  return load;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main() {
  ensureServerBuild();
  ensureWebBuild();
  const app = await startApp();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const session = await sessionState(browser, app.url);
    const pages = await targets(session.api);
    await session.close();
    const results: Result[] = [];
    for (const target of pages) {
      const loads: Record<Way, Load[]> = { compressed: [], plain: [] };
      // One unmeasured load each way, so the server's first-request work (caches, JIT) counts in neither.
      for (let run = -1; run < RUNS; run++) {
        for (const way of WAYS) {
          const context = await browser.newContext({
            storageState: target.loggedIn ? session.state : undefined,
            locale: 'nb-NO',
            viewport: { width: 1366, height: 900 },
          });
          const load = await measure(context, app.url, target, way);
          await context.close();
          if (run >= 0) loads[way].push(load);
        }
      }
      for (const way of WAYS) {
        const result: Result = {
          target: target.name,
          path: target.path,
          way,
          loads: loads[way],
          fcpMs: median(loads[way].map((l) => l.fcpMs)),
          visibleMs: median(loads[way].map((l) => l.visibleMs)),
          transferredBytes: median(loads[way].map((l) => l.transferredBytes)),
        };
        results.push(result);
        console.log(
          `${target.name.padEnd(13)} ${way.padEnd(10)} FCP ${Math.round(result.fcpMs)} ms, main content ${Math.round(result.visibleMs)} ms, ` +
            `${Math.round(result.transferredBytes / 1024)} kB over the line (${loads[way].map((l) => Math.round(l.fcpMs)).join(', ')} ms)` +
            `${way === 'compressed' ? (result.fcpMs <= TARGET_FCP_MS ? '  target met' : `  target ${TARGET_FCP_MS} ms not met`) : ''}`,
        );
      }
    }
    if (args.json)
      writeFileSync(
        args.json,
        JSON.stringify({ runs: RUNS, downloadBitsPerSecond: DOWNLOAD_BITS_PER_SECOND, roundTripMs: ROUND_TRIP_MS, results }, null, 2),
      );
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
