import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { bodies, networks, roleAssignments, users } from '../src/server/db/schema/index.ts';
import { hashPassword } from '../src/server/modules/auth/index.ts';
import { loadMunicipalitiesFile } from '../src/server/modules/network/index.ts';
import { readSpreadsheet, readZipDirectory, unpack } from '../src/server/modules/spreadsheets/index.ts';
import { checkUpload } from '../src/server/modules/storage/index.ts';
import { HISTORY_COLUMNS, HISTORY_LIMITS, type HistoryColumn } from '../src/shared/meetings/history.ts';
import { packed, zipArchive } from '../test/security/spreadsheet-files.ts';
import { cleanUp as cleanUpAll, login, stopServer, throwawayDatabase, type Cleanups } from './child.ts';
import { BENCH_ADMIN, prng } from './generate.ts';

/**
 * `npm run bench:history` (issue 17): ten years of a busy body brought in from the history template and the ZIP of its
 * attachments (1,000 meetings, 15,000 cases, one small PDF per case), against only reading the same files (the
 * spreadsheet through the bounded reader, every attachment unpacked and checked by content). Targets: the import at most
 * 3× the read, and /api/health p99 under 50 ms while it runs. The app runs in a child process (this file with
 * `--serve`) on a throwaway PostgreSQL, autocannon in this one.
 *
 *   --years <n>         years of meetings (10)
 *   --meetings <n>      meetings a year (100)
 *   --cases <n>         cases a meeting (15)
 *   --connections <n>   connections on /api/health (10)
 *   --json <file>       also write the results as JSON
 *
 * BENCH_DATABASE_URL: a PostgreSQL server to create the throwaway database on; without it one is started from
 * Debian's PostgreSQL binaries.
 */

const { values: args } = parseArgs({
  options: {
    years: { type: 'string', default: '10' },
    meetings: { type: 'string', default: '100' },
    cases: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    json: { type: 'string' },
    serve: { type: 'boolean', default: false },
  },
});
const YEARS = Number(args.years);
const MEETINGS_A_YEAR = Number(args.meetings);
const CASES_A_MEETING = Number(args.cases);
const CONNECTIONS = Number(args.connections);
const TARGET_RATIO = 3;
const TARGET_P99_MS = 50;
const BODY_NAME = 'Regionrådet i Historikkdalen';
const NETWORK_SLUG = 'historikkdalen';

type ServerMessage = { type: 'ready'; appUrl: string } | { type: 'read'; ms: number } | { type: 'error'; message: string };
type ParentMessage = 'stop' | { type: 'read'; spreadsheet: string; zip: string };

// ---------------------------------------------------------------- the server, in the child

async function serve() {
  const url = process.env.BENCH_HISTORY_DATABASE_URL!;
  const filesDir = process.env.BENCH_HISTORY_FILES!;
  const database = await openDatabase({ url });
  const config = {
    ...readConfig({}),
    databaseUrl: url,
    demo: false,
    webRoot: null,
    logLevel: 'silent',
    host: '127.0.0.1',
    filesDir,
    storage: { kind: 'local' as const, dir: filesDir },
  };
  const app = await buildApp({ config, database, logger: false, runJobs: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  process.on('message', (message: ParentMessage) => {
    if (message === 'stop') void app.close().then(() => database.close().then(() => process.exit(0)));
    // The baseline, read here in the server's own process while /api/health is under the same load as the import.
    else if (message.type === 'read')
      void readOnly(readFileSync(message.spreadsheet), readFileSync(message.zip)).then(
        (ms) => process.send?.({ type: 'read', ms } satisfies ServerMessage),
        (error: unknown) => process.send?.({ type: 'error', message: String(error) } satisfies ServerMessage),
      );
  });
  process.send?.({ type: 'ready', appUrl: `http://127.0.0.1:${address.port}` } satisfies ServerMessage);
}

// ---------------------------------------------------------------- the files

const SENTENCES = [
  'Regionrådet slutter seg til administrasjonens vurdering og ber sekretariatet følge opp saken.',
  'Saken legges fram for kommunestyrene i alle deltakerkommunene før endelig vedtak.',
  'Arbeidet finansieres innenfor vedtatt budsjett, og kostnadene fordeles etter folketall.',
  'Kommunedirektørutvalget gis fullmakt til å inngå avtale på vegne av kommunene.',
  'Tiltaket evalueres etter ett år, og resultatene legges fram for regionrådet.',
  'Høringsuttalelsen sendes innen fristen, med de endringer som kom fram i møtet.',
];
const TITLES = ['Felles innkjøp av', 'Høring om', 'Orientering om', 'Budsjett for', 'Samarbeidsavtale om', 'Evaluering av'];
const TOPICS = ['velferdsteknologi', 'skoleskyss', 'bredbånd', 'legevakt', 'reiseliv', 'beredskap', 'havneutvikling', 'digitalisering'];

/** A small PDF per case: a real one-page document of about 900 bytes, each with its own text. */
function casePdf(label: string): Buffer {
  const text = `Saksframlegg ${label}`;
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Ten years of a busy body as the template and its ZIP: the meetings spread over each year, 15 cases each. */
async function historyFiles() {
  const rnd = prng(17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd.next() * list.length)]!;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Historikk');
  const keys = Object.keys(HISTORY_COLUMNS) as HistoryColumn[];
  sheet.addRow(keys.map((k) => HISTORY_COLUMNS[k]));
  const entries = [];
  const firstYear = 2026 - YEARS;
  let cases = 0;
  for (let y = 0; y < YEARS; y++) {
    const year = firstYear + y;
    for (let m = 0; m < MEETINGS_A_YEAR; m++) {
      const day = new Date(Date.UTC(year, 0, 2) + Math.floor((m * 360) / MEETINGS_A_YEAR) * 86_400_000).toISOString().slice(0, 10);
      for (let c = 0; c < CASES_A_MEETING; c++) {
        const sequence = m * CASES_A_MEETING + c + 1;
        const number = `${String(sequence).padStart(3, '0')}/${String(year % 100).padStart(2, '0')}`;
        const file = `${year}/${number.replace('/', '-')}.pdf`;
        entries.push(packed(file, casePdf(number)));
        const recommendation = `1. ${pick(SENTENCES)}\n2. ${pick(SENTENCES)}`;
        const row: Partial<Record<HistoryColumn, string>> = {
          body: BODY_NAME,
          meetingDate: day,
          ...(c === 0 ? { startTime: '09:00', endTime: '15:00', place: 'Rådhuset', summonsSent: day, minutesApproved: day } : {}),
          number,
          title: `${pick(TITLES)} ${pick(TOPICS)} ${number}`,
          type: c === 0 ? 'Godkjenning av innkalling' : c % 5 === 0 ? 'Orienteringssak' : 'Vedtakssak',
          recommendation,
          deliberation: 'Diskusjon fant sted.',
          decision: rnd.next() < 0.8 ? recommendation : `${recommendation}\n3. ${pick(SENTENCES)}`,
          exempt: c === 7 ? 'Ja' : 'Nei',
          exemptLegalBasis: c === 7 ? 'offl. § 13 jf. fvl. § 13' : undefined,
          attachments: file,
        };
        sheet.addRow(keys.map((k) => row[k] ?? null));
        cases++;
      }
    }
  }
  const spreadsheet = Buffer.from(await workbook.xlsx.writeBuffer());
  const zip = zipArchive(entries);
  return { spreadsheet, zip, cases, meetings: YEARS * MEETINGS_A_YEAR };
}

/** The baseline: only reading the files, as the import reads them, with nothing written. */
async function readOnly(spreadsheet: Buffer, zip: Buffer): Promise<number> {
  const started = performance.now();
  const workbook = await readSpreadsheet(spreadsheet, { language: 'nb', formats: ['xlsx', 'csv'] });
  let rows = 0;
  for (const s of workbook.sheets) rows += s.rows.length;
  const entries = readZipDirectory(zip, { parts: HISTORY_LIMITS.zipEntries, unpackedBytes: HISTORY_LIMITS.zipUnpackedBytes });
  let files = 0;
  for (const entry of entries) {
    const parts: Buffer[] = [];
    for await (const chunk of unpack(zip, entry)) parts.push(chunk);
    checkUpload({ fileName: entry.name, bytes: Buffer.concat(parts) });
    files++;
  }
  const ms = performance.now() - started;
  console.log(`  read ${rows.toLocaleString('en-US')} rows and ${files.toLocaleString('en-US')} files in ${(ms / 1000).toFixed(2)} s`);
  return ms;
}

// ---------------------------------------------------------------- the run

const cleanups: Cleanups = [];
const cleanUp = () => cleanUpAll(cleanups);

async function prepare() {
  const { url, serverVersion } = await throwawayDatabase('digiregion_history_bench', cleanups);
  const database = await openDatabase({ url });
  try {
    await database.migrate();
    await loadMunicipalitiesFile(database.db);
    const [network] = await database.db.insert(networks).values({ name: 'Historikkdalen', slug: NETWORK_SLUG }).returning();
    await database.db.insert(bodies).values({ networkId: network!.id, kind: 'regionalCouncil', name: BODY_NAME, shortCode: 'RR' });
    const [user] = await database.db
      .insert(users)
      .values({ email: BENCH_ADMIN.email, name: BENCH_ADMIN.name, passwordHash: await hashPassword(BENCH_ADMIN.password) })
      .returning();
    await database.db.insert(roleAssignments).values({ userId: user!.id, role: 'platformAdmin' });
  } finally {
    await database.close();
  }
  return { url, serverVersion };
}

function startServer(databaseUrl: string, filesDir: string): Promise<{ child: ChildProcess; appUrl: string }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production', BENCH_HISTORY_DATABASE_URL: databaseUrl, BENCH_HISTORY_FILES: filesDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the app did not start within 2 minutes')), 120_000);
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}`)));
    child.on('message', (message: ServerMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve({ child, appUrl: message.appUrl });
      else if (message.type === 'error') reject(new Error(message.message));
    });
  });
}

function healthLoad(url: string, seconds: number | null) {
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url, connections: CONNECTIONS, duration: seconds ?? 3600, timeout: 10 }, (error, done) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
  });
  return { stop: () => instance?.stop(), result };
}

const summary = (r: autocannon.Result) => ({
  requests: r.requests.total,
  p50: r.latency.p50,
  p99: r.latency.p99,
  max: r.latency.max,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
});

async function main() {
  const watchdog = setTimeout(() => {
    console.error('bench: still running after 30 minutes; stopping');
    void cleanUp().finally(() => process.exit(1));
  }, 30 * 60_000);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));

  console.log(`Writing ${YEARS} years × ${MEETINGS_A_YEAR} meetings × ${CASES_A_MEETING} cases as the template and a ZIP …`);
  const files = await historyFiles();
  console.log(
    `  ${files.meetings.toLocaleString('en-US')} meetings, ${files.cases.toLocaleString('en-US')} cases; spreadsheet ${(files.spreadsheet.length / 2 ** 20).toFixed(1)} MB, ZIP ${(files.zip.length / 2 ** 20).toFixed(1)} MB`,
  );
  const { url, serverVersion } = await prepare();
  const filesDir = mkdtempSync(join(tmpdir(), 'digiregion-history-bench-'));
  cleanups.push(async () => rmSync(filesDir, { recursive: true, force: true }));
  const { child, appUrl } = await startServer(url, filesDir);
  cleanups.push(() => stopServer(child));
  const session = await login(appUrl);
  const health = `${appUrl}/api/health`;
  for (let i = 0; i < 5; i++) await (await fetch(health)).arrayBuffer();

  const spreadsheetPath = join(filesDir, 'historikk.xlsx');
  const zipPath = join(filesDir, 'vedlegg.zip');
  writeFileSync(spreadsheetPath, files.spreadsheet);
  writeFileSync(zipPath, files.zip);
  const readInServer = () =>
    new Promise<number>((resolve, reject) => {
      const onMessage = (message: ServerMessage) => {
        child.off('message', onMessage);
        if (message.type === 'read') resolve(message.ms);
        else reject(new Error(message.type === 'error' ? message.message : 'unexpected message'));
      };
      child.on('message', onMessage);
      child.send({ type: 'read', spreadsheet: spreadsheetPath, zip: zipPath } satisfies ParentMessage);
    });
  console.log('Only reading the files in the server, while /api/health is under load (once to warm, then counted) …');
  await readInServer();
  const readLoad = healthLoad(health, null);
  await new Promise((r) => setTimeout(r, 1000));
  const readMs = await readInServer();
  readLoad.stop();
  const duringRead = summary(await readLoad.result);
  console.log(`  read in ${(readMs / 1000).toFixed(2)} s; /api/health meanwhile p99 ${duringRead.p99} ms`);

  console.log('/api/health with nothing else going on (5 s) …');
  const quiet = summary(await healthLoad(health, 5).result);
  console.log(`  p50 ${quiet.p50} ms, p99 ${quiet.p99} ms`);

  const form = new FormData();
  form.set('spreadsheet', new Blob([new Uint8Array(files.spreadsheet)]), 'historikk.xlsx');
  form.set('attachments', new Blob([new Uint8Array(files.zip)]), 'vedlegg.zip');
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const contentType = encoded.headers.get('content-type')!;

  console.log('Importing under load on /api/health …');
  const load = healthLoad(health, null);
  await new Promise((r) => setTimeout(r, 1000));
  const started = performance.now();
  const response = await fetch(`${appUrl}/api/networks/${NETWORK_SLUG}/history-import`, {
    method: 'POST',
    headers: { 'content-type': contentType, cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: new Uint8Array(body),
  });
  const text = await response.text();
  const importMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 500));
  load.stop();
  const during = summary(await load.result);
  if (response.status !== 200) throw new Error(`the import answered ${response.status}: ${text.slice(0, 1000)}`);
  console.log(`  imported in ${(importMs / 1000).toFixed(2)} s: ${text.slice(0, 300)}`);
  console.log(`  /api/health meanwhile: p50 ${during.p50} ms, p99 ${during.p99} ms, max ${during.max} ms, ${during.non2xx} non-2xx`);

  const report = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    postgres: serverVersion,
    loadAverage: { before: loadBefore, after: loadavg().map((l) => Number(l.toFixed(2))) },
    meetings: files.meetings,
    cases: files.cases,
    spreadsheetMb: Number((files.spreadsheet.length / 2 ** 20).toFixed(1)),
    zipMb: Number((files.zip.length / 2 ** 20).toFixed(1)),
    readMs: Math.round(readMs),
    importMs: Math.round(importMs),
    ratio: Number((importMs / readMs).toFixed(2)),
    health: { quiet, duringRead, during },
    result: JSON.parse(text) as unknown,
  };
  console.log('\n## Results');
  console.log(
    `Machine: ${report.machine.cpus} CPUs (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}; PostgreSQL ${serverVersion}; load average before ${report.loadAverage.before.join(', ')}, after ${report.loadAverage.after.join(', ')}`,
  );
  console.log(
    `| | seconds |\n|---|---:|\n| only reading the files | ${(readMs / 1000).toFixed(2)} |\n| the import | ${(importMs / 1000).toFixed(2)} |`,
  );
  console.log(`Import / read: ${report.ratio}× (target ≤ ${TARGET_RATIO}×): ${report.ratio <= TARGET_RATIO ? 'yes' : 'NO'}`);
  console.log(
    `/api/health p99 during the import: ${during.p99} ms (target < ${TARGET_P99_MS}): ${during.p99 < TARGET_P99_MS ? 'yes' : 'NO'}`,
  );
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
}

if (args.serve)
  serve().catch((error: unknown) => {
    process.send?.({ type: 'error', message: String(error) } satisfies ServerMessage);
    process.exit(1);
  });
else
  main()
    .then(cleanUp)
    .then(() => process.exit(0))
    .catch(async (error: unknown) => {
      console.error(error);
      await cleanUp();
      process.exit(1);
    });
