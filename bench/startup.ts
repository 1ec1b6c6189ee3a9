import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Issue 20: the production process as it runs (`node dist/app/server/main.js`, compiled by `npm run build:server`):
 * the time from the process's start to the first 200 from /api/ready, and its resident memory then and two seconds
 * later (PGlite lives in the same process, so its memory is in the figure).
 */
export interface StartupResult {
  label: string;
  readyMs: number;
  rssReadyMiB: number;
  rssSettledMiB: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));

export function buildServer() {
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
}

export async function measureStartup(label: string, env: Record<string, string>): Promise<StartupResult> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/app/server/main.js'], {
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
    if (readyMs === 0) throw new Error(`${label}: not ready within 10 minutes`);
    const rssReadyMiB = rssMiB(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const result = { label, readyMs, rssReadyMiB, rssSettledMiB: rssMiB(child.pid!) };
    console.log(
      `  ${label}: ready after ${(readyMs / 1000).toFixed(2)} s, ${result.rssReadyMiB} MiB resident then, ${result.rssSettledMiB} MiB 2 s later`,
    );
    return result;
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

/** The embedded PGlite with the demo data: the first start (creates it and loads the demo), then a start on it. */
export async function measurePgliteDemo(): Promise<StartupResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'digiregion-bench-pglite-'));
  try {
    const env = { DATA_DIR: join(dir, 'pglite'), FILES_DIR: join(dir, 'files'), DEMO: 'true' };
    return [await measureStartup('PGlite, demo data, first start', env), await measureStartup('PGlite, demo data, existing database', env)];
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
