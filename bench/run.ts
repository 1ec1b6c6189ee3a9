import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.ts';
import { loadMunicipalitiesFile } from '../src/server/modules/network/index.ts';
import { startThrowawayPostgres } from '../test/postgres-server.ts';
import { BENCH_ADMIN, COMPETENCE_TAGS, generateDataset, type GeneratedDataset } from './generate.ts';
import type { ServerMessage } from './server.ts';

/**
 * `npm run bench`: the network overview and the people search on the national dataset, under
 * autocannon at 50 connections, beside a bare Fastify route measured the same way in the same run.
 * See bench/README.md.
 *
 *   --duration <s>     measured seconds per target (10)
 *   --warmup <s>       unmeasured seconds before each target (3)
 *   --connections <n>  concurrent connections (50)
 *   --pglite           also measure on the embedded PGlite (informative)
 *   --json <file>      also write the results as JSON
 *
 * BENCH_DATABASE_URL: a PostgreSQL server to create the throwaway benchmark database on (its user
 * needs CREATEDB); without it a throwaway server is started from Debian's PostgreSQL binaries.
 */

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    pglite: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const TARGET_P99_MS = 50;
const SEARCH = { q: 'sen', competence: COMPETENCE_TAGS[0]! };
/** Nothing here may run for ever: the whole run is stopped after this long. */
const WATCHDOG_MS = 20 * 60_000;

interface Measurement {
  name: string;
  url: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Responses received in the measured seconds. */
  requests: number;
  non2xx: number;
  errors: number;
  bytesPerResponse: number;
}

interface Column {
  database: string;
  bare: Measurement[];
  targets: Measurement[];
}

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    const next = cleanups.pop()!;
    await next().catch((error: unknown) => console.error('cleanup:', error));
  }
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; stopping`);
    void cleanUp().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

  const columns: Column[] = [];
  const { url, dataset, serverVersion } = await preparePostgres();
  columns.push(await measureServer('PostgreSQL', url));
  if (args.pglite) columns.push(await measureServer('PGlite', undefined));

  printReport(columns, dataset, serverVersion);
  if (args.json) writeFileSync(args.json, JSON.stringify({ machine: machine(), dataset: summary(dataset), columns }, null, 2));
  const pgColumn = columns[0]!;
  const misses = pgColumn.targets.filter((t) => t.requests === 0 || t.p99 >= TARGET_P99_MS);
  if (misses.length > 0) console.log(`\nPostgreSQL p99 target (< ${TARGET_P99_MS} ms) missed by: ${misses.map((m) => m.name).join(', ')}`);
}

/** A fresh database on the given or a throwaway PostgreSQL server, migrated and filled with the national dataset. */
async function preparePostgres() {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    console.log('Starting a throwaway PostgreSQL server …');
    const server = await startThrowawayPostgres();
    adminUrl = server.url;
    const postmasterPid = await readPostmasterPid(adminUrl);
    cleanups.push(async () => {
      const stopped = server.stop();
      // The helper sends SIGINT to `runuser`, which does not pass it on when run as root: ask the
      // postmaster itself for a fast shutdown, then let the helper wait for the exit and remove the files.
      try {
        process.kill(postmasterPid, 'SIGINT');
      } catch {
        // already gone
      }
      await stopped;
    });
  }
  const name = `digiregion_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  cleanups.push(() => admin.end());
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  cleanups.push(async () => void (await admin.query(`drop database if exists ${name} with (force)`)));
  const serverVersion = ((await admin.query('show server_version')).rows[0] as { server_version: string }).server_version;
  const url = withDatabase(adminUrl, name);

  console.log(`Generating the national dataset in ${name} …`);
  const database = await openDatabase({ url });
  try {
    await database.migrate();
    await loadMunicipalitiesFile(database.db);
    const dataset = await generateDataset(database.db);
    console.log(`  ${dataset.people} people, ${dataset.bodies} bodies, ${dataset.bodyMemberships} body memberships, ${dataset.networks.length} networks in ${(dataset.milliseconds / 1000).toFixed(1)} s`);
    return { url, dataset, serverVersion };
  } finally {
    await database.close();
  }
}

/** Starts bench/server.ts, measures the bare route, the overview, the search and the bare route again, and stops it. */
async function measureServer(database: string, databaseUrl: string | undefined): Promise<Column> {
  console.log(`\n${database}: starting the app and the bare server in a child process …`);
  const { child, ready } = await startServer(databaseUrl);
  const stop = () => stopServer(child);
  cleanups.push(stop);
  try {
    const dataset = ready.dataset;
    const network = dataset?.largestNetwork.slug ?? (await largestNetworkSlug(ready.appUrl));
    const cookie = await login(ready.appUrl);
    const overviewUrl = `${ready.appUrl}/api/networks/${network}`;
    const searchUrl = `${ready.appUrl}/api/networks/${network}/people?${new URLSearchParams(SEARCH)}`;
    await check(overviewUrl, {}, (body) => `${(body as { members: unknown[] }).members.length} members, ${(body as { bodies: unknown[] }).bodies.length} bodies`);
    await check(searchUrl, { cookie }, (body) => `${(body as { total: number }).total} matches, ${(body as { items: unknown[] }).items.length} returned`);

    const bare = [await measure('bare route', ready.bareUrl, {})];
    const targets = [await measure('network overview', overviewUrl, {}), await measure('people search', searchUrl, { cookie })];
    bare.push(await measure('bare route (again)', ready.bareUrl, {}));
    return { database, bare, targets };
  } finally {
    cleanups.splice(cleanups.indexOf(stop), 1);
    await stop();
  }
}

function startServer(databaseUrl: string | undefined): Promise<{ child: ChildProcess; ready: Extract<ServerMessage, { type: 'ready' }> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  if (databaseUrl) env.BENCH_SERVER_DATABASE_URL = databaseUrl;
  else delete env.BENCH_SERVER_DATABASE_URL;
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    execArgv: ['--import', 'tsx'],
    env,
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

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function largestNetworkSlug(appUrl: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/networks`);
  const list = (await response.json()) as { slug: string; memberCount: number }[];
  return list.reduce((a, b) => (b.memberCount > a.memberCount ? b : a)).slug;
}

async function login(appUrl: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('dr_session='));
  if (!cookie) throw new Error('login answered without a session cookie');
  return cookie.split(';')[0]!;
}

async function check(url: string, headers: Record<string, string>, describe: (body: unknown) => string) {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  console.log(`  GET ${new URL(url).pathname}${new URL(url).search}: ${describe(await response.json())}`);
}

async function measure(name: string, url: string, headers: Record<string, string>): Promise<Measurement> {
  const run = (duration: number) => autocannon({ url, connections: CONNECTIONS, duration, headers, timeout: 10 });
  if (WARMUP > 0) await run(WARMUP);
  const result = await run(DURATION);
  const measurement: Measurement = {
    name,
    url,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytesPerResponse: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
  console.log(`  ${name.padEnd(20)} ${fmt(measurement.requestsPerSecond, 0).padStart(8)} req/s  p50 ${fmt(measurement.p50, 1)} ms  p99 ${fmt(measurement.p99, 1)} ms`);
  return measurement;
}

// ---------------------------------------------------------------- report

const fmt = (n: number, digits: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function machine() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

function summary(dataset: GeneratedDataset) {
  const { competenceTags: _tags, admin: _admin, ...rest } = dataset;
  return rest;
}

function printReport(columns: Column[], dataset: GeneratedDataset, serverVersion: string) {
  const m = machine();
  const largest = dataset.networks.find((n) => n.id === dataset.largestNetwork.id)!;
  console.log(`\n## Results (${CONNECTIONS} connections, ${DURATION} s measured after ${WARMUP} s warm-up per target)`);
  console.log(`Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; PostgreSQL ${serverVersion}`);
  console.log(`Dataset: ${dataset.people} people, ${dataset.bodies} bodies, ${dataset.bodyMemberships} body memberships; network ${largest.slug}: ${largest.members} municipalities, ${largest.visiblePeople} people by municipality`);
  console.log(`Search: q=${SEARCH.q}, competence=${SEARCH.competence}, as the platform administrator\n`);
  const header = '| database | target | req/s | p50 ms | p99 ms | req/s ÷ bare | p99 < 50 ms | non-2xx / errors |';
  console.log(header);
  console.log('|---|---|---:|---:|---:|---:|---|---:|');
  for (const column of columns) {
    const bareRps = column.bare.reduce((s, b) => s + b.requestsPerSecond, 0) / column.bare.length;
    for (const b of column.bare) {
      console.log(`| ${column.database} | ${b.name} | ${fmt(b.requestsPerSecond, 0)} | ${fmt(b.p50, 1)} | ${fmt(b.p99, 1)} | ${fmt(b.requestsPerSecond / bareRps, 3)} | | ${b.non2xx} / ${b.errors} |`);
    }
    for (const t of column.targets) {
      const verdict = column.database === 'PostgreSQL' ? (t.p99 < TARGET_P99_MS ? 'yes' : 'NO') : '(informative)';
      if (t.requests === 0) {
        console.log(`| ${column.database} | ${t.name} | 0 | – | – | 0 | ${column.database === 'PostgreSQL' ? 'NO' : '(informative)'}: no response within the run | ${t.non2xx} / ${t.errors} |`);
        continue;
      }
      console.log(`| ${column.database} | ${t.name} | ${fmt(t.requestsPerSecond, 0)} | ${fmt(t.p50, 1)} | ${fmt(t.p99, 1)} | ${fmt(t.requestsPerSecond / bareRps, 3)} | ${verdict} | ${t.non2xx} / ${t.errors} |`);
    }
  }
  console.log('\nThe ratio divides by the mean of the two bare-route runs (before and after) of the same server process.');
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

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

main()
  .then(cleanUp)
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
