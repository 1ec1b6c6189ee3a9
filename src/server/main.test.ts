import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../test/global-setup.ts';
import { SERVER_MAIN } from '../../test/server-build.ts';
import { PG_TEMPLATE_DB } from '../../test/paths.ts';
import { CONFIG_VARIABLES } from './config.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo/seed.ts';

type LogLine = Record<string, unknown> & { msg?: string; req?: { url?: string } };

/** `npm start`'s server (compiled) as a child process, with its JSON log lines. */
class ServerProcess {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<number | null>;
  /** The signal that ended the process, once it has exited. */
  exitSignal: NodeJS.Signals | null = null;
  private waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>) {
    // Only the variables given here: none of the test process's own configuration leaks in.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !(CONFIG_VARIABLES as string[]).includes(name)));
    this.child = spawn(process.execPath, [SERVER_MAIN], {
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.exited = once(this.child, 'exit').then(([code, signal]) => {
      this.exitSignal = signal as NodeJS.Signals | null;
      return code as number | null;
    });
    let pending = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const text of complete.filter(Boolean)) this.add(JSON.parse(text) as LogLine);
    });
  }

  private add(line: LogLine) {
    this.lines.push(line);
    for (const waiter of this.waiters.filter((w) => w.match(line))) waiter.resolve(line);
    this.waiters = this.waiters.filter((w) => !w.match(line));
  }

  /** The first log line that matches, as soon as it is written. */
  waitFor(match: (line: LogLine) => boolean): Promise<LogLine> {
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      this.waiters.push({ match, resolve });
      void this.exited.then((code) => reject(new Error(`the server exited (${code}) before logging what was awaited`)));
    });
  }

  async port(): Promise<number> {
    const line = await this.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening at http://127.0.0.1:'));
    return Number(/:(\d+)$/.exec(line.msg!)![1]);
  }

  signal(name: NodeJS.Signals) {
    this.child.kill(name);
  }

  /** The process's child processes now. */
  children(): number[] {
    const pid = this.child.pid!;
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  }
}

/** Whether the process is still there (a zombie counts as gone). */
function isAlive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether a new connection is refused; tries again while the server still accepts (it stops at once, but not within the same tick). */
async function refusesConnections(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const socket = connect(port, '127.0.0.1');
    const outcome = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('accepted'));
      // A reset before the connection is made: it was still in the queue when the listener closed.
      socket.on('error', (error: NodeJS.ErrnoException) =>
        resolve(['ECONNREFUSED', 'ECONNRESET'].includes(error.code ?? '') ? 'refused' : 'other'),
      );
    });
    socket.destroy();
    if (outcome === 'refused') return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** A login request whose body arrives in two parts, so that it is in flight for as long as the test likes. */
async function startSlowLogin(port: number) {
  const body = JSON.stringify({ email: 'ingen@example.no', password: 'feil-passord' });
  const socket: Socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let response = '';
  socket.on('data', (chunk: Buffer) => (response += chunk.toString('utf8')));
  const ended = once(socket, 'close').then(() => response);
  socket.write(
    `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
  );
  return { finish: () => socket.write(body.slice(10)), response: ended, abort: () => socket.destroy() };
}

describe('the server stopping on SIGTERM', () => {
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  const databases: string[] = [];
  const folders: string[] = [];

  /** The environment of a server on its own copy of the demo database, on a free port. */
  async function serverEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const name = `digiregion_main_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
    databases.push(name);
    const files = mkdtempSync(join(tmpdir(), 'digiregion-main-files-'));
    folders.push(files);
    return {
      DATABASE_URL: withDatabase(inject('postgresAdminUrl'), name),
      DEMO: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      METRICS_PORT: String(await freePort()),
      FILES_DIR: files,
      WEB_ROOT: files,
      LOG_LEVEL: 'info',
      ...extra,
    };
  }

  beforeAll(() => admin.connect());
  afterAll(async () => {
    for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('finishes the request in flight, refuses new connections, and exits 0', { timeout: 120_000 }, async () => {
    const server = new ServerProcess(await serverEnv());
    const port = await server.port();
    await server.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('metrics on '));
    const login = await startSlowLogin(port);
    // In flight: the server has the request and waits for the rest of its body.
    await server.waitFor((l) => l.msg === 'incoming request' && l.req?.url === '/api/auth/login');

    server.signal('SIGTERM');
    await server.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('stopping'));
    expect(await refusesConnections(port)).toBe(true);

    login.finish();
    const response = await login.response;
    expect(response).toMatch(/^HTTP\/1\.1 401 /);
    expect(response).toContain('"code":"invalid_credentials"');
    expect(response.toLowerCase()).toContain('connection: close');
    expect(await server.exited).toBe(0);
    expect(server.lines.some((l) => l.msg === 'stopped')).toBe(true);
  });

  it('gives up and exits 1 when a request holds it up longer than SHUTDOWN_TIMEOUT_MS', { timeout: 120_000 }, async () => {
    const server = new ServerProcess(await serverEnv({ SHUTDOWN_TIMEOUT_MS: '1000', METRICS_PORT: '0' }));
    const port = await server.port();
    const login = await startSlowLogin(port);
    await server.waitFor((l) => l.msg === 'incoming request' && l.req?.url === '/api/auth/login');
    server.signal('SIGTERM');
    // The rest of the body never comes.
    expect(await server.exited).toBe(1);
    expect(server.lines.some((l) => typeof l.msg === 'string' && l.msg.startsWith('stopping took longer than SHUTDOWN_TIMEOUT_MS'))).toBe(
      true,
    );
    login.abort();
  });
});

describe("the embedded demo's first start", () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  /** A server on a new, empty PGlite folder with the demo, on a free port. */
  function pgliteDemoEnv(): Record<string, string> {
    const dir = mkdtempSync(join(tmpdir(), 'digiregion-main-pglite-'));
    folders.push(dir);
    return {
      DATA_DIR: join(dir, 'pglite'),
      FILES_DIR: join(dir, 'files'),
      WEB_ROOT: dir,
      DEMO: 'true',
      PORT: '0',
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
      RUN_JOBS: 'false',
      LOG_LEVEL: 'info',
    };
  }

  const startupMessages = (server: ServerProcess) =>
    server.lines.filter((l) => l.msg !== 'incoming request' && l.msg !== 'request completed').map((l) => l.msg?.replace(/:\d+/g, ':PORT'));

  it(
    'loads the demo in a child process that is gone when the server is ready, and starts as on an existing database',
    { timeout: 240_000 },
    async () => {
      const env = pgliteDemoEnv();
      const first = new ServerProcess(env);
      const port = await first.port();
      await first.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('Digiregion (demo) on '));
      expect(first.children()).toEqual([]);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_USERS[1]!.email, password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/api/ready`)).status).toBe(200);
      first.signal('SIGTERM');
      expect(await first.exited).toBe(0);

      // The second start finds the demo and logs the same lines.
      const second = new ServerProcess(env);
      await second.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('Digiregion (demo) on '));
      second.signal('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(startupMessages(first)).toEqual(startupMessages(second));
    },
  );

  it('ends the child, and itself by the same signal, on SIGTERM while the demo loads', { timeout: 120_000 }, async () => {
    const env = pgliteDemoEnv();
    const server = new ServerProcess(env);
    let children: number[] = [];
    for (let attempt = 0; attempt < 600 && children.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      children = server.children();
    }
    expect(children).toHaveLength(1);
    server.signal('SIGTERM');
    expect(await server.exited).toBeNull();
    expect(server.exitSignal).toBe('SIGTERM');
    for (let attempt = 0; attempt < 100 && isAlive(children[0]!); attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isAlive(children[0]!)).toBe(false);
  });
});
