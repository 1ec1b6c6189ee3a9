import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../src/server/db/client.ts';
import { loadMunicipalitiesFile } from '../src/server/modules/network/index.ts';
import { startAppProcess, type AppProcess } from '../test/app-process.ts';
import { freePort, startNginx, type TestNginx } from '../test/nginx.ts';
import { cleanUp as cleanUpAll, login, throwawayDatabase, type Cleanups } from './child.ts';
import { COMPETENCE_TAGS, generateDataset } from './generate.ts';

/**
 * `npm run bench:cluster`: one instance against two behind nginx, in one run on the national dataset on
 * PostgreSQL. Two real app processes (src/server/main.ts, as the cluster test starts them) and Debian's nginx
 * with deploy/nginx/digiregion.conf, all on 127.0.0.1; autocannon in this process sends a mix of read routes as
 * a logged-in user, three ways in turn:
 *
 *   1. straight to instance A (no nginx: what the proxy costs)
 *   2. nginx → instance A
 *   3. nginx → instances A and B
 *
 * Options: --duration <s> (60) measured seconds each, --warmup <s> (5), --connections <n> (100), --json <file>.
 * BENCH_DATABASE_URL: a PostgreSQL server to create the benchmark database on (needs CREATEDB); without it a
 * throwaway server is started from Debian's binaries. Everything started is stopped at the end; a watchdog
 * ends the run after 30 minutes.
 */

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '100' },
    json: { type: 'string' },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const WATCHDOG_MS = 30 * 60_000;

interface Measurement {
  setup: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Requests answered by each instance, from nginx's access log (nginx setups only). */
  byInstance: Record<string, number> | null;
  loadAverage: number;
}

const cleanups: Cleanups = [];
const cleanUp = () => cleanUpAll(cleanups);

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; stopping`);
    void cleanUp().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

  const { url, serverVersion, largestNetwork } = await preparePostgres();

  console.log('Starting instances A and B …');
  const env = { DATABASE_URL: url, DEMO: 'false', NODE_ENV: 'production', TRUST_PROXY: '127.0.0.1', LOG_LEVEL: 'warn' };
  const a = startAppProcess('A', await freePort(), env);
  const b = startAppProcess('B', await freePort(), env);
  for (const instance of [a, b]) cleanups.push(() => instance.stop());
  await Promise.all([a.ready(), b.ready()]);
  const { cookie } = await login(a.url);

  const paths = mix(largestNetwork);
  const headers = { cookie, 'accept-encoding': 'gzip' };
  // Each route answers, and each instance has filled its caches and compiled its code before any measurement.
  for (const instance of [a, b]) {
    for (const path of paths) {
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${instance.url}${path}`, { headers });
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
      }
    }
  }
  console.log(`Mix, asked in turn over all connections:\n${paths.map((p) => `  GET ${p}`).join('\n')}`);

  const results: Measurement[] = [];
  results.push(await measure('direct → A (no nginx)', a.url, paths, headers, null, [a]));
  for (const setup of [
    { name: 'nginx → A', instances: [a] },
    { name: 'nginx → A + B', instances: [a, b] },
  ]) {
    const nginx = await startNginx(setup.instances.map((i) => `127.0.0.1:${i.port}`));
    const stop = () => nginx.stop();
    cleanups.push(stop);
    try {
      results.push(await measure(setup.name, nginx.url, paths, headers, nginx, [a, b]));
    } finally {
      cleanups.splice(cleanups.indexOf(stop), 1);
      await stop();
    }
  }

  printReport(results, serverVersion);
  if (args.json) writeFileSync(args.json, JSON.stringify({ machine: machine(), results }, null, 2));
  const failed = results.filter((r) => r.errors > 0 || r.non2xx > 0);
  if (failed.length > 0) {
    console.log(`\nErrors or non-2xx answers in: ${failed.map((r) => r.setup).join(', ')}`);
    process.exitCode = 1;
  }
}

/** The read routes people use most, on the largest network: front page, people search, decision search, OParl list. */
function mix(network: { id: string; slug: string }): string[] {
  return [
    `/api/networks/${network.slug}`,
    `/api/networks/${network.slug}/people?${new URLSearchParams({ q: 'sen', competence: COMPETENCE_TAGS[0]! })}`,
    '/api/public/search?q=velferdsteknologi',
    `/api/public/search?${new URLSearchParams({ q: 'anskaffelse', network: network.slug })}`,
    `/api/oparl/v1/bodies/${network.id}/meetings?page=1`,
  ];
}

async function preparePostgres() {
  const { url, serverVersion } = await throwawayDatabase('digiregion_bench_cluster', cleanups);
  console.log(`Generating the national dataset in ${new URL(url).pathname.slice(1)} …`);
  const database = await openDatabase({ url });
  try {
    await database.migrate();
    await loadMunicipalitiesFile(database.db);
    const dataset = await generateDataset(database.db);
    console.log(
      `  ${dataset.people} people, ${dataset.bodies} bodies, ${dataset.networks.length} networks, ${dataset.meetings.meetings} meetings, ${dataset.meetings.cases} cases in ${(dataset.milliseconds / 1000).toFixed(1)} s`,
    );
    return { url, serverVersion, largestNetwork: dataset.largestNetwork };
  } finally {
    await database.close();
  }
}

async function measure(
  setup: string,
  url: string,
  paths: string[],
  headers: Record<string, string>,
  nginx: TestNginx | null,
  instances: AppProcess[],
): Promise<Measurement> {
  console.log(`\n${setup}: ${WARMUP} s warm-up, ${DURATION} s measured at ${CONNECTIONS} connections …`);
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      headers,
      timeout: 10,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
    });
  if (WARMUP > 0) await run(WARMUP);
  await waitUntilIdle(instances);
  const logBefore = nginx?.accessLog().length ?? 0;
  const result = await run(DURATION);
  const loadAverage = loadavg()[0]!;
  await waitUntilIdle(instances);

  let byInstance: Record<string, number> | null = null;
  if (nginx) {
    byInstance = {};
    for (const line of nginx.accessLog().slice(logBefore).split('\n')) {
      const upstream = line.split(' ')[1];
      const instance = instances.find((i) => upstream === `127.0.0.1:${i.port}`);
      if (instance) byInstance[instance.name] = (byInstance[instance.name] ?? 0) + 1;
    }
  }
  const measurement: Measurement = {
    setup,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    byInstance,
    loadAverage,
  };
  console.log(
    `  ${fmt(measurement.requestsPerSecond, 0)} req/s, p50 ${fmt(measurement.p50, 1)} ms, p99 ${fmt(measurement.p99, 1)} ms, ${measurement.non2xx} non-2xx, ${measurement.errors} errors` +
      (byInstance
        ? `; answered by ${Object.entries(byInstance)
            .map(([name, n]) => `${name} ${n}`)
            .join(', ')}`
        : ''),
  );
  return measurement;
}

/** Until every instance answers its health route quickly five times in a row, so one setup's leftovers do not fall on the next. */
async function waitUntilIdle(instances: AppProcess[]) {
  const deadline = performance.now() + 120_000;
  let quick = 0;
  while (quick < 5 && performance.now() < deadline) {
    let slowest = 0;
    for (const instance of instances) {
      const t = performance.now();
      await (await fetch(`${instance.url}/api/health`)).arrayBuffer();
      slowest = Math.max(slowest, performance.now() - t);
    }
    quick = slowest < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const fmt = (n: number, digits: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

function printReport(results: Measurement[], serverVersion: string) {
  const m = machine();
  console.log(`\n## Results (${CONNECTIONS} connections, ${DURATION} s measured after ${WARMUP} s warm-up each)`);
  console.log(`Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; PostgreSQL ${serverVersion}\n`);
  console.log('| setup | req/s | p50 ms | p99 ms | requests | non-2xx | errors | answered by | load average |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const r of results) {
    const by = r.byInstance
      ? Object.entries(r.byInstance)
          .map(([name, n]) => `${name} ${fmt(n, 0)}`)
          .join(', ')
      : '';
    console.log(
      `| ${r.setup} | ${fmt(r.requestsPerSecond, 0)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.requests, 0)} | ${r.non2xx} | ${r.errors} | ${by} | ${fmt(r.loadAverage, 1)} |`,
    );
  }
}

main()
  .then(cleanUp)
  .then(() => process.exit(process.exitCode ?? 0))
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
