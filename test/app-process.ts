import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SERVER_MAIN } from './server-build.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface AppProcess {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** What the process wrote to stdout and stderr, for the message of a failing test. */
  output(): string;
  /** Resolves once /api/ready (or /api/health, where there is no readiness route) answers 200. */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends the signal to the process and waits for it to exit (SIGKILL after 10 s). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  exited: Promise<void>;
}

/**
 * The compiled server as production runs it (`node dist/app/server/main.js`), in a process of its own on a loopback
 * port: migrate, load the reference data, listen, run the jobs. A signal sent to it reaches the server itself.
 */
export function startAppProcess(name: string, port: number, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    // The last 20 kB are enough to see why an instance failed.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const isRunning = () => child.exitCode === null && child.signalCode === null;

  return {
    name,
    url,
    port,
    child,
    exited,
    output: () => output,
    async ready(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (!isRunning())
          throw new Error(`instance ${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
        try {
          let response = await fetch(`${url}/api/ready`);
          if (response.status === 404) response = await fetch(`${url}/api/health`);
          if (response.status === 200) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`instance ${name} was not ready within ${timeoutMs / 1000} s:\n${output}`);
    },
    async stop(signal = 'SIGTERM') {
      if (!isRunning()) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
