import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Issue 20: the production process as it runs (`node dist/app/server/main.js`, compiled by `npm run build:server`):
 * the time from the process's start to the first 200 from /api/ready, and its resident memory then and two seconds
 * later (PGlite lives in the same process, so its memory is in the figure). Also the highest resident memory of the
 * process and its children together while it started (the embedded demo's first start loads the demo in a child).
 *
 * On its own, the embedded demo only, `--runs` times (a first start and a start on its database each time):
 *
 *   npx tsx bench/startup.ts [--runs 3] [--main dist/app/server/main.js]
 *
 * `--main` starts another build's main.js (the code before a change, compiled in a copy of the repository).
 */
export interface StartupResult {
  label: string;
  readyMs: number;
  rssReadyMiB: number;
  rssSettledMiB: number;
  /** Sampled every 50 ms until ready: the process and its child processes together. */
  rssPeakMiB: number;
  /** The one-minute load average when the process was ready. */
  load: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));

export function buildServer() {
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
}

export async function measureStartup(label: string, env: Record<string, string>, main = 'dist/app/server/main.js'): Promise<StartupResult> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RUN_JOBS: 'false',
      METRICS_PORT: '0',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let rssPeakMiB = 0;
  const sampler = setInterval(() => (rssPeakMiB = Math.max(rssPeakMiB, treeRssMiB(child.pid!))), 50);
  try {
    let readyMs = 0;
    const deadline = started + 10 * 60_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${label}: the server exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/ready`);
        await response.arrayBuffer();
        if (response.status === 200) {
          readyMs = performance.now() - started;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    clearInterval(sampler);
    if (readyMs === 0) throw new Error(`${label}: not ready within 10 minutes`);
    const rssReadyMiB = rssMiB(child.pid!);
    const load = loadavg()[0]!;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const result = { label, readyMs, rssReadyMiB, rssSettledMiB: rssMiB(child.pid!), rssPeakMiB, load };
    console.log(
      `  ${label}: ready after ${(readyMs / 1000).toFixed(2)} s, ${result.rssReadyMiB} MiB resident then, ${result.rssSettledMiB} MiB 2 s later, ` +
        `peak ${rssPeakMiB} MiB with its children (load average ${load.toFixed(1)})`,
    );
    return result;
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

/** The embedded PGlite with the demo data: the first start (creates it and loads the demo), then a start on it. */
export async function measurePgliteDemo(main?: string): Promise<StartupResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'digiregion-bench-pglite-'));
  try {
    const env = { DATA_DIR: join(dir, 'pglite'), FILES_DIR: join(dir, 'files'), DEMO: 'true' };
    return [
      await measureStartup('PGlite, demo data, first start', env, main),
      await measureStartup('PGlite, demo data, existing database', env, main),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function rssMiB(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** The process and its descendants (the demo's first start has a child for a while). */
function treeRssMiB(pid: number): number {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    // gone
  }
  return rssMiB(pid) + children.reduce((sum, child) => sum + treeRssMiB(child), 0);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, main: { type: 'string' } } });
  const main = values.main === undefined ? undefined : resolve(values.main);
  if (main === undefined) buildServer();
  const results: StartupResult[] = [];
  for (let run = 0; run < Number(values.runs); run++) results.push(...(await measurePgliteDemo(main)));
  console.log(`\n${main ?? 'dist/app/server/main.js'}, ${new Date().toISOString()}\n`);
  console.log('| start | ready after, s | resident MiB at ready | 2 s later | peak with children, MiB | load average |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.label} | ${(r.readyMs / 1000).toFixed(2)} | ${r.rssReadyMiB} | ${r.rssSettledMiB} | ${r.rssPeakMiB} | ${r.load.toFixed(1)} |`,
    );
}
