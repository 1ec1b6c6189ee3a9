import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/client.ts';
import { loadMunicipalitiesFile } from '../src/server/modules/network/index.ts';
import type { ArchiveExtract, Verification } from '../src/shared/archive/schema.ts';
import { cleanUp, login, memorySampler, startServer, stopServer, throwawayDatabase, type Cleanups } from './child.ts';
import { generateDataset } from './generate.ts';

/**
 * `npm run bench:archive` (issue 19): the Noark 5 extract of a whole network as its secretariat asks for it. On the
 * national dataset in PostgreSQL, with the app in a child process whose job runner polls as in production
 * (bench/server.ts), the benchmark administrator asks for an extract of the largest network's meetings (DigiØst) over
 * five years, waits
 * for the job to build it (every meeting's XML, its summons, case papers and minutes as tagged PDF/A), downloads
 * the tar as a stream and checks its size and SHA-256, and asks the server to verify it. The server's resident
 * memory (from /proc, every 50 ms) is compared with the same process idle just before. Targets: asked → downloaded
 * in under 60 s, and never more than 300 MB resident above idle.
 *
 *   --network <slug>  the network to extract (the dataset's largest: the most member municipalities)
 *   --years <n>       the period, back from the dataset's day (5)
 *   --json <file>     also write the results as JSON
 *
 * BENCH_DATABASE_URL: a PostgreSQL server to create the throwaway database on; without it one is started from
 * Debian's PostgreSQL binaries.
 */

const { values: args } = parseArgs({
  options: {
    network: { type: 'string' },
    years: { type: 'string', default: '5' },
    json: { type: 'string' },
  },
});
const YEARS = Number(args.years);
/** The day generateDataset takes the dataset (its default): meetings before it are held and mostly approved. */
const DATASET_DAY = '2026-11-23';
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 300;
const WATCHDOG_MS = 30 * 60_000;

const cleanups: Cleanups = [];

async function main() {
  const watchdog = setTimeout(() => {
    console.error('bench: still running after 30 minutes; stopping');
    void cleanUp(cleanups).finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp(cleanups).finally(() => process.exit(130)));

  const { url, serverVersion } = await throwawayDatabase('digiregion_archive_bench', cleanups);
  console.log('Generating the national dataset …');
  const database = await openDatabase({ url });
  let network: string;
  try {
    await database.migrate();
    await loadMunicipalitiesFile(database.db);
    const dataset = await generateDataset(database.db, { today: DATASET_DAY });
    network = args.network ?? dataset.largestNetwork.slug;
  } finally {
    await database.close();
  }

  const filesDir = mkdtempSync(join(tmpdir(), 'digiregion-archive-bench-'));
  cleanups.push(async () => rmSync(filesDir, { recursive: true, force: true }));
  console.log('\nStarting the app, with its job runner, in a child process …');
  const { child, ready } = await startServer(url, { BENCH_SERVER_RUN_JOBS: '1', BENCH_SERVER_FILES_DIR: filesDir });
  cleanups.push(() => stopServer(child));
  const app = ready.appUrl;
  const session = await login(app);
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const rss = memorySampler(child.pid!);
  cleanups.push(async () => rss.stop());

  // Idle: the process after start and a first few requests, settled.
  await (await fetch(`${app}/api/networks/${network}`, { headers })).arrayBuffer();
  await new Promise((r) => setTimeout(r, 5000));
  const idleMb = rss.reset();

  const from = `${Number(DATASET_DAY.slice(0, 4)) - YEARS}${DATASET_DAY.slice(4)}`;
  console.log(`\nAsking for the extract of ${network}, ${from} to ${DATASET_DAY} …`);
  const started = performance.now();
  const asked = await fetch(`${app}/api/networks/${network}/archive-extracts`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ from, to: DATASET_DAY }),
  });
  if (asked.status !== 202) throw new Error(`asking answered ${asked.status}: ${await asked.text()}`);
  const { id } = (await asked.json()) as ArchiveExtract;

  let extract: ArchiveExtract;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    extract = (await (await fetch(`${app}/api/archive-extracts/${id}`, { headers })).json()) as ArchiveExtract;
    if (extract.status === 'ready') break;
    if (extract.status === 'failed') throw new Error(`the extract failed: ${extract.failure}`);
  }
  const builtMs = performance.now() - started;
  const buildPeakMb = rss.peak();
  console.log(
    `  built in ${(builtMs / 1000).toFixed(1)} s (the job runner polls every 2 s): ${extract.meetingCount} meetings, ` +
      `${extract.registrationCount} registrations, ${extract.documentFileCount} document files, ${mb(extract.size!)} MB`,
  );

  const downloadStarted = performance.now();
  const response = await fetch(`${app}${extract.downloadUrl}`, { headers });
  if (response.status !== 200 || !response.body) throw new Error(`the download answered ${response.status}`);
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of response.body) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  const downloadMs = performance.now() - downloadStarted;
  const sha256 = hash.digest('hex');
  if (bytes !== extract.size || sha256 !== extract.sha256)
    throw new Error(`the download is ${bytes} bytes, SHA-256 ${sha256}; the extract says ${extract.size} and ${extract.sha256}`);
  const totalMs = performance.now() - started;
  const peakMb = rss.peak();
  console.log(`  downloaded in ${(downloadMs / 1000).toFixed(1)} s, size and SHA-256 as recorded`);

  const verifyStarted = performance.now();
  const verification = (await (await fetch(`${app}/api/archive-extracts/${id}/verification`, { headers })).json()) as Verification;
  const verifyMs = performance.now() - verifyStarted;
  console.log(
    `  verified by the server in ${(verifyMs / 1000).toFixed(1)} s: ${verification.ok ? 'ok' : JSON.stringify(verification.problems.slice(0, 5))}`,
  );

  const report = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    postgres: serverVersion,
    loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
    network,
    period: { from, to: DATASET_DAY },
    extract: {
      meetings: extract.meetingCount,
      folders: extract.folderCount,
      registrations: extract.registrationCount,
      documents: extract.documentCount,
      documentFiles: extract.documentFileCount,
      bytes: extract.size,
    },
    seconds: {
      build: round(builtMs / 1000),
      download: round(downloadMs / 1000),
      total: round(totalMs / 1000),
      verify: round(verifyMs / 1000),
    },
    residentMb: {
      idle: Math.round(idleMb),
      buildPeak: Math.round(buildPeakMb),
      peak: Math.round(peakMb),
      aboveIdle: Math.round(peakMb - idleMb),
    },
    verified: verification.ok,
  };
  console.log(`\n## Results`);
  console.log(
    `Machine: ${report.machine.cpus} CPUs (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}; PostgreSQL ${serverVersion}; load average ${report.loadAverage.join(', ')}`,
  );
  console.log(
    `Asked → downloaded: ${report.seconds.total} s (build ${report.seconds.build} s, download ${report.seconds.download} s) (target < ${TARGET_SECONDS}): ${report.seconds.total < TARGET_SECONDS ? 'yes' : 'NO'}`,
  );
  console.log(
    `Resident memory idle ${report.residentMb.idle} MB, at most ${report.residentMb.peak} MB: +${report.residentMb.aboveIdle} MB (target < +${TARGET_RSS_MB}): ${report.residentMb.aboveIdle < TARGET_RSS_MB ? 'yes' : 'NO'}`,
  );
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const round = (n: number) => Math.round(n * 10) / 10;

main()
  .then(() => cleanUp(cleanups))
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp(cleanups);
    process.exit(1);
  });
