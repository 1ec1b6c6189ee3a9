import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { isNull } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.ts';
import { municipalities, networkMembers, networks } from '../src/server/db/schema/index.ts';
import { mappingWorkbook } from '../src/server/demo/mapping.ts';
import { loadMunicipalitiesFile } from '../src/server/modules/network/index.ts';
import { SPREADSHEET_LIMITS } from '../src/shared/spreadsheets/limits.ts';
import { decompressionBomb } from '../test/security/spreadsheet-files.ts';
import { cleanUp, login, memorySampler, startServer, stopServer, throwawayDatabase, type Cleanups, type MemorySampler } from './child.ts';
import { ensureBenchSolutions, generateDataset, planNationalMapping } from './generate.ts';

/**
 * `npm run bench:imports` (issue 15): does one spreadsheet still stall the server? On the national dataset in
 * PostgreSQL, with the app in a child process (bench/server.ts, as `npm run bench` runs it), autocannon keeps
 * `/api/health` and a cached read (the largest network's overview) busy at `--connections` each while
 *   (a) the national mapping workbook (357 municipalities × 120 applications, 42,840 rows, 4 MB) is imported through
 *       `POST /api/networks/:id/mapping/import`, and
 *   (b) a decompression bomb (1.7 MB that unpacks to 480 MB) is sent to `POST /api/municipalities/:nr/mapping/import`
 *       `--bombs` times in a row;
 * and the same two routes with nothing else going on, and the bare route, in the same run. The server process's
 * resident memory (its worker threads included) is read from /proc every 50 ms. Targets: p99 of health under 50 ms
 * in (a) and (b), every bomb refused (413) in under 1 s, resident memory never above the start + 300 MB.
 *
 *   --connections <n>  connections per route under load (20)
 *   --quiet <s>        seconds of the routes with nothing else going on (10)
 *   --bombs <n>        bombs in a row (10)
 *   --json <file>      also write the results as JSON
 *
 * BENCH_DATABASE_URL: a PostgreSQL server to create the throwaway database on; without it one is started from
 * Debian's PostgreSQL binaries.
 */

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '20' },
    quiet: { type: 'string', default: '10' },
    bombs: { type: 'string', default: '10' },
    json: { type: 'string' },
  },
});
const CONNECTIONS = Number(args.connections);
const QUIET_SECONDS = Number(args.quiet);
const BOMBS = Number(args.bombs);
const TARGET_P99_MS = 50;
const TARGET_BOMB_MS = 1000;
const TARGET_RSS_MB = 300;
const WATCHDOG_MS = 30 * 60_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Load {
  name: string;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

interface Phase {
  name: string;
  seconds: number;
  loads: Load[];
  /** Resident memory of the server process: at the start of the phase, and the most it reached. */
  rssStartMb: number;
  rssMaxMb: number;
}

const cleanups: Cleanups = [];

async function main() {
  const watchdog = setTimeout(() => {
    console.error('bench: still running after 30 minutes; stopping');
    void cleanUp(cleanups).finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp(cleanups).finally(() => process.exit(130)));

  const { url, serverVersion, workbook, national, largest, rows } = await prepare();
  console.log('\nStarting the app and the bare server in a child process …');
  const { child, ready } = await startServer(url);
  cleanups.push(() => stopServer(child));
  const app = ready.appUrl;
  const session = await login(app);
  const health = `${app}/api/health`;
  const cachedRead = `${app}/api/networks/${largest}`;
  const rss = memorySampler(child.pid!);
  cleanups.push(async () => rss.stop());

  // Warm: code, the overview's cache, a worker thread's first start.
  for (const u of [health, cachedRead]) for (let i = 0; i < 3; i++) await (await fetch(u)).arrayBuffer();
  await postFile(app, `/api/municipalities/1804/mapping/import`, decompressionBomb({ unpackedMb: 1 }), session);
  await settle();

  const bare = await quietRun('bare route (before)', [ready.bareUrl], rss);
  const quiet = await quietRun('nothing else going on', [health, cachedRead], rss);

  // (a) the national workbook, once, while both routes are under load.
  console.log(
    `\n(a) importing the national workbook (${rows.toLocaleString('en-US')} rows, ${(workbook.length / 1024 / 1024).toFixed(1)} MB) under load …`,
  );
  const a = await underLoad('(a) national workbook import', [health, cachedRead], rss, async () => {
    const started = performance.now();
    const response = await postFile(app, `/api/networks/${national}/mapping/import`, workbook, session);
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`the import answered ${response.status}: ${body.slice(0, 500)}`);
    console.log(`  imported in ${(ms / 1000).toFixed(2)} s: ${body}`);
    return { importMs: Math.round(ms), result: JSON.parse(body) as unknown };
  });
  await settle();

  // (b) the bomb, BOMBS times in a row, while both routes are under load.
  const bomb = decompressionBomb();
  console.log(
    `\n(b) sending a ${(bomb.length / 1024 / 1024).toFixed(1)} MB decompression bomb (480 MB unpacked) ${BOMBS} times in a row under load …`,
  );
  const b = await underLoad('(b) decompression bomb ×' + BOMBS, [health, cachedRead], rss, async () => {
    const answers: { status: number; ms: number; limit: string | null }[] = [];
    for (let i = 0; i < BOMBS; i++) {
      const started = performance.now();
      const response = await postFile(app, '/api/municipalities/1804/mapping/import', bomb, session);
      const body = (await response.json()) as { error?: { limit?: { name: string } } };
      answers.push({ status: response.status, ms: Math.round(performance.now() - started), limit: body.error?.limit?.name ?? null });
    }
    console.log(`  answers: ${answers.map((x) => `${x.status} in ${x.ms} ms`).join(', ')}`);
    return { bombs: answers };
  });
  const bareAfter = await quietRun('bare route (after)', [ready.bareUrl], rss);

  const report = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    postgres: serverVersion,
    loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
    connections: CONNECTIONS,
    limits: SPREADSHEET_LIMITS,
    phases: [bare, quiet, a.phase, b.phase, bareAfter],
    importMs: a.outcome.importMs,
    bombs: b.outcome.bombs,
  };
  printReport(report);
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
}

/** A database with the national dataset, a network of every municipality, and the national workbook for it. */
async function prepare() {
  const { url, serverVersion } = await throwawayDatabase('digiregion_imports_bench', cleanups);
  console.log(`Generating the national dataset in ${new URL(url).pathname.slice(1)} …`);
  const database = await openDatabase({ url });
  try {
    await database.migrate();
    await loadMunicipalitiesFile(database.db);
    const dataset = await generateDataset(database.db);
    const solutionKeys = await ensureBenchSolutions(database.db);
    const [network] = await database.db.insert(networks).values({ name: 'Hele landet', slug: 'hele-landet' }).returning();
    const numbers = (await database.db.select({ number: municipalities.number }).from(municipalities).where(isNull(municipalities.validTo)))
      .map((m) => m.number)
      .sort();
    await database.db
      .insert(networkMembers)
      .values(numbers.map((number) => ({ networkId: network!.id, municipalityNumber: number, joinedOn: '2020-01-01' })));
    const plan = planNationalMapping(numbers, solutionKeys, 120);
    console.log('Writing the national workbook …');
    const workbook = await mappingWorkbook(database.db, numbers, plan);
    return { url, serverVersion, workbook, national: network!.id, largest: dataset.largestNetwork.slug, rows: plan.applications.length };
  } finally {
    await database.close();
  }
}

/** A load on one URL; with no duration, until stopped (autocannon needs one: an hour). */
function loadOn(url: string, seconds: number | null) {
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url, connections: CONNECTIONS, duration: seconds ?? 3600, timeout: 10 }, (error, done) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
  });
  return { stop: () => instance?.stop(), result };
}

function loadOf(name: string, result: autocannon.Result): Load {
  return {
    name,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const nameOf = (url: string) =>
  url.endsWith('/bare') ? 'bare route' : url.endsWith('/api/health') ? '/api/health' : 'cached read (network overview)';

/** The routes at the same time for a fixed time, with nothing else going on. */
async function quietRun(name: string, urls: string[], rss: MemorySampler): Promise<Phase> {
  const rssStartMb = rss.reset();
  const results = await Promise.all(urls.map((u) => loadOn(u, QUIET_SECONDS).result));
  const phase = {
    name,
    seconds: QUIET_SECONDS,
    loads: results.map((r, i) => loadOf(nameOf(urls[i]!), r)),
    rssStartMb,
    rssMaxMb: rss.peak(),
  };
  printPhase(phase);
  await settle();
  return phase;
}

/** The routes under load from a second before the work starts until it ends. */
async function underLoad<T>(name: string, urls: string[], rss: MemorySampler, work: () => Promise<T>) {
  const rssStartMb = rss.reset();
  const started = performance.now();
  const runs = urls.map((u) => loadOn(u, null));
  await new Promise((r) => setTimeout(r, 1000));
  let outcome: T;
  try {
    outcome = await work();
  } finally {
    await new Promise((r) => setTimeout(r, 500));
    for (const run of runs) run.stop();
  }
  const done = await Promise.all(runs.map((run) => run.result));
  const phase: Phase = {
    name,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    loads: done.map((r, i) => loadOf(nameOf(urls[i]!), r)),
    rssStartMb,
    rssMaxMb: rss.peak(),
  };
  printPhase(phase);
  return { phase, outcome: outcome! };
}

/** A pause between phases, for the server to finish what a run left behind. */
const settle = () => new Promise((r) => setTimeout(r, 3000));

function printPhase(phase: Phase) {
  for (const l of phase.loads) {
    console.log(
      `  ${phase.name}: ${l.name} ${Math.round(l.requestsPerSecond).toLocaleString('en-US')} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms, ${l.non2xx} non-2xx, ${l.errors} errors`,
    );
  }
  console.log(`  resident memory ${phase.rssStartMb.toFixed(0)} MB at the start, at most ${phase.rssMaxMb.toFixed(0)} MB`);
}

function printReport(report: {
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  postgres: string;
  loadAverage: number[];
  phases: Phase[];
  importMs: number;
  bombs: { status: number; ms: number; limit: string | null }[];
}) {
  const m = report.machine;
  console.log(`\n## Results (${CONNECTIONS} connections per route)`);
  console.log(
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; PostgreSQL ${report.postgres}; load average ${report.loadAverage.join(', ')}\n`,
  );
  console.log('| phase | route | req/s | p50 ms | p99 ms | max ms | non-2xx / errors | RSS start → peak, MB |');
  console.log('|---|---|---:|---:|---:|---:|---:|---|');
  for (const phase of report.phases) {
    for (const l of phase.loads) {
      console.log(
        `| ${phase.name} | ${l.name} | ${Math.round(l.requestsPerSecond).toLocaleString('en-US')} | ${l.p50} | ${l.p99} | ${l.max} | ${l.non2xx} / ${l.errors} | ${phase.rssStartMb.toFixed(0)} → ${phase.rssMaxMb.toFixed(0)} |`,
      );
    }
  }
  const start = report.phases[0]!.rssStartMb;
  const peak = Math.max(...report.phases.map((p) => p.rssMaxMb));
  const healthP99 = report.phases.filter((p) => p.name.startsWith('(')).map((p) => p.loads.find((l) => l.name === '/api/health')!.p99);
  const slowestBomb = Math.max(...report.bombs.map((b) => b.ms));
  console.log(`\nThe national workbook imported in ${(report.importMs / 1000).toFixed(2)} s under load.`);
  console.log(`Bombs: ${report.bombs.map((b) => `${b.status} ${b.limit ?? ''} in ${b.ms} ms`).join('; ')}.`);
  console.log(
    `p99 of /api/health under (a) and (b): ${healthP99.join(' and ')} ms (target < ${TARGET_P99_MS}): ${healthP99.every((p) => p < TARGET_P99_MS) ? 'yes' : 'NO'}`,
  );
  console.log(
    `Slowest bomb refusal ${slowestBomb} ms (target < ${TARGET_BOMB_MS}): ${slowestBomb < TARGET_BOMB_MS && report.bombs.every((b) => b.status === 413) ? 'yes' : 'NO'}`,
  );
  console.log(
    `Resident memory ${start.toFixed(0)} MB at the start, at most ${peak.toFixed(0)} MB: +${(peak - start).toFixed(0)} MB (target < +${TARGET_RSS_MB}): ${peak - start < TARGET_RSS_MB ? 'yes' : 'NO'}`,
  );
}

function postFile(app: string, path: string, body: Buffer, session: { cookie: string; csrf: string }) {
  return fetch(`${app}${path}`, {
    method: 'POST',
    headers: { 'content-type': XLSX, cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: new Uint8Array(body),
  });
}

main()
  .then(() => cleanUp(cleanups))
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp(cleanups);
    process.exit(1);
  });
