import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The one nginx configuration, also used by compose.yaml (see the file). */
export const NGINX_TEMPLATE = fileURLToPath(new URL('../deploy/nginx/digiregion.conf', import.meta.url));
const NGINX_BINARIES = ['/usr/sbin/nginx', '/usr/bin/nginx'];

export interface TestNginx {
  url: string;
  port: number;
  /** nginx's access log: one line per request with the request id, the instance that answered and its status. */
  accessLog(): string;
  stop(): Promise<void>;
}

/** The upstream lines for the template, the same as compose.yaml writes them for app1 and app2. */
export function upstreamServers(addresses: string[]): string {
  return addresses.map((a) => `server ${a} max_fails=1 fail_timeout=10s;`).join('\n    ');
}

/** Fills in deploy/nginx/digiregion.conf as envsubst does in the nginx image. */
export function renderDigiregionConf(values: { listen: string; upstreamServers: string }): string {
  const template = readFileSync(NGINX_TEMPLATE, 'utf8');
  const rendered = template
    .replaceAll('${DIGIREGION_UPSTREAM_SERVERS}', values.upstreamServers)
    .replaceAll('${DIGIREGION_LISTEN}', values.listen);
  const left = /\$\{[A-Z_]+\}/.exec(rendered);
  if (left) throw new Error(`deploy/nginx/digiregion.conf: ${left[0]} is not filled in`);
  return rendered;
}

/**
 * Debian's nginx on a loopback port in front of the given instances (host:port), run as the current user
 * from a temporary prefix: its own pid file, logs and temp paths, so it needs no root and touches nothing
 * of a system nginx.
 */
export async function startNginx(upstreams: string[]): Promise<TestNginx> {
  const binary = NGINX_BINARIES.find((b) => existsSync(b));
  if (!binary) throw new Error("The cluster test needs nginx: apt-get install nginx (Debian's package; .ci/run installs it).");
  const prefix = mkdtempSync(join(tmpdir(), 'digiregion-nginx-'));
  // Started by root (as in CI), the workers run as nobody and must reach the temp paths below.
  chmodSync(prefix, 0o755);
  const port = await freePort();
  const accessLogPath = join(prefix, 'access.log');
  writeFileSync(
    join(prefix, 'digiregion.conf'),
    renderDigiregionConf({ listen: `127.0.0.1:${port}`, upstreamServers: upstreamServers(upstreams) }),
  );
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes auto;
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
    client_body_temp_path ${join(prefix, 'client_body')};
    proxy_temp_path ${join(prefix, 'proxy')};
    fastcgi_temp_path ${join(prefix, 'fastcgi')};
    uwsgi_temp_path ${join(prefix, 'uwsgi')};
    scgi_temp_path ${join(prefix, 'scgi')};
    log_format digiregion '$request_id $upstream_addr $status $request_method $request_uri';
    access_log ${accessLogPath} digiregion;
    include ${join(prefix, 'digiregion.conf')};
}
`,
  );
  const child: ChildProcess = spawn(
    binary,
    ['-p', prefix, '-c', 'nginx.conf', '-e', join(prefix, 'error.log'), '-g', `daemon off; pid ${join(prefix, 'nginx.pid')};`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    // SIGQUIT: graceful shutdown of the master and its workers.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(prefix, { recursive: true, force: true });
  };

  // Any answer, even 502 while the instances start, means nginx listens.
  for (let attempt = 0; ; attempt++) {
    const problem =
      child.exitCode !== null
        ? `nginx exited with ${child.exitCode}: ${stderr}`
        : attempt > 100
          ? `nginx did not listen on ${url}: `
          : null;
    if (problem) {
      const log = readIfExists(join(prefix, 'error.log'));
      await stop();
      throw new Error(problem + log);
    }
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return { url, port, accessLog: () => readIfExists(accessLogPath), stop };
}

function readIfExists(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
