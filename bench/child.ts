import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startThrowawayPostgres } from '../test/postgres-server.ts';
import { withDatabase } from '../test/global-setup.ts';
import { BENCH_ADMIN } from './generate.ts';
import type { ServerMessage } from './server.ts';

/**
 * What the benchmarks that drive the app over HTTP share: a throwaway database, the app in a child process
 * (bench/server.ts) so the load generator does not take its event loop, the child's resident memory, and a login.
 */

export type Cleanups = (() => Promise<void>)[];

export async function cleanUp(cleanups: Cleanups) {
  while (cleanups.length > 0) await cleanups.pop()!().catch((error: unknown) => console.error('cleanup:', error));
}

/** A new, empty database on BENCH_DATABASE_URL's server or on a throwaway one started from Debian's binaries. */
export async function throwawayDatabase(prefix: string, cleanups: Cleanups): Promise<{ url: string; serverVersion: string }> {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    console.log('Starting a throwaway PostgreSQL server …');
    const server = await startThrowawayPostgres();
    adminUrl = server.url;
    const postmasterPid = await readPostmasterPid(adminUrl);
    cleanups.push(async () => {
      const stopped = server.stop();
      // runuser does not pass the helper's signal on when run as root: ask the postmaster itself for a fast shutdown,
      // and let the helper wait for the exit and remove the files.
      try {
        process.kill(postmasterPid, 'SIGINT');
      } catch {
        // already gone
      }
      await stopped;
    });
  }
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  cleanups.push(() => admin.end());
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  cleanups.push(async () => void (await admin.query(`drop database if exists ${name} with (force)`)));
  const serverVersion = ((await admin.query('show server_version')).rows[0] as { server_version: string }).server_version;
  return { url: withDatabase(adminUrl, name), serverVersion };
}

async function readPostmasterPid(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const dataDirectory = ((await client.query('show data_directory')).rows[0] as { data_directory: string }).data_directory;
    return Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } finally {
    await client.end();
  }
}

export type ReadyMessage = Extract<ServerMessage, { type: 'ready' }>;

/** bench/server.ts on the filled database, in production mode; `env` adds its switches (BENCH_SERVER_RUN_JOBS, …). */
export function startServer(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; ready: ReadyMessage }> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env, NODE_ENV: 'production', BENCH_SERVER_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench/server.ts did not start within 5 minutes')), 5 * 60_000);
    child.once('exit', (code) => reject(new Error(`bench/server.ts exited with ${code}`)));
    child.on('message', (message: ServerMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve({ child, ready: message });
      else reject(new Error(`bench/server.ts: ${message.message}`));
    });
  });
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export type MemorySampler = ReturnType<typeof memorySampler>;

/** Resident memory of a process (its threads included), in MB, from /proc every 50 ms. */
export function memorySampler(pid: number) {
  let max = 0;
  const read = () => {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  };
  const timer = setInterval(() => {
    try {
      max = Math.max(max, read());
    } catch {
      // the process is gone
    }
  }, 50);
  return {
    now: read,
    /** The most since the last reset. */
    peak: () => max,
    reset: () => (max = read()),
    stop: () => clearInterval(timer),
  };
}

/** The benchmark administrator's session: the cookie to send and the CSRF token for writes. */
export async function login(app: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${app}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('dr_session='));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  if (!cookie) throw new Error('login answered without a session cookie');
  return { cookie: cookie.split(';')[0]!, csrf: csrfToken };
}
