import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { count, eq, isNull } from 'drizzle-orm';
import pg from 'pg';
import type { RequestContext } from '../src/server/context.ts';
import { openDatabase, type Db } from '../src/server/db/client.ts';
import {
  applicationUsages,
  municipalities,
  networkMembers,
  networks,
  products,
  solutionAdoptions,
  users,
} from '../src/server/db/schema/index.ts';
import { mappingWorkbook } from '../src/server/demo/mapping.ts';
import { loadMunicipalitiesFile } from '../src/server/modules/network/index.ts';
import { importForNetwork } from '../src/server/modules/mapping/spreadsheet.ts';
import { startThrowawayPostgres } from '../test/postgres-server.ts';
import { withDatabase } from '../test/global-setup.ts';
import { ensureBenchSolutions, planNationalMapping } from './generate.ts';

/**
 * `tsx bench/mapping-import.ts`: the national mapping workbook (357 municipalities × 120 applications ≈ 43,000
 * rows, and a status for each of 40 shared solutions) written by the template writer, then
 *   1. ExcelJS alone reading it (workbook.xlsx.load, as the import does), the best of --runs;
 *   2. the full import through the service (read, check every row, write in one transaction) into an empty
 *      PostgreSQL database, once;
 *   3. the same file imported again (every row unchanged).
 * The import should stay within 3× of (1). See bench/README.md.
 *
 *   --per <n>      applications per municipality (120)
 *   --runs <n>     ExcelJS reads to take the best of (3)
 *   --json <file>  also write the results as JSON
 *
 * BENCH_DATABASE_URL: a PostgreSQL server to create the throwaway database on; without it one is started
 * from Debian's PostgreSQL binaries.
 */

const { values: args } = parseArgs({
  options: {
    per: { type: 'string', default: '120' },
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
  },
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  const server = adminUrl ? null : await startThrowawayPostgres();
  adminUrl ??= server!.url;
  const name = `digiregion_mapping_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const database = await openDatabase({ url: withDatabase(adminUrl, name) });
  try {
    await database.migrate();
    await loadMunicipalitiesFile(database.db);
    const solutionKeys = await ensureBenchSolutions(database.db);
    const ctx = await benchContext(database.db);
    const numbers = await nationalNetwork(database.db);

    let started = performance.now();
    const plan = planNationalMapping(numbers, solutionKeys, Number(args.per));
    const file = await mappingWorkbook(database.db, numbers, plan);
    const writeMs = performance.now() - started;
    console.log(
      `Workbook: ${numbers.length} municipalities, ${plan.applications.length} application rows, ${numbers.length * solutionKeys.length} adoption rows (${plan.adoptions.length} with a status), ${(file.length / 1024 / 1024).toFixed(1)} MB, written in ${seconds(writeMs)}`,
    );

    const reads: number[] = [];
    for (let i = 0; i < Number(args.runs); i++) {
      started = performance.now();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
      reads.push(performance.now() - started);
    }
    const readMs = Math.min(...reads);
    console.log(`ExcelJS alone reads it in ${seconds(readMs)} (best of ${reads.map(seconds).join(', ')})`);

    started = performance.now();
    const first = await importForNetwork(ctx, 'norge', file);
    const importMs = performance.now() - started;
    console.log(`Import into an empty database: ${seconds(importMs)}, ${(importMs / readMs).toFixed(2)}× the read`, JSON.stringify(first));

    started = performance.now();
    const again = await importForNetwork({ ...ctx, cache: new Map() }, 'norge', file);
    const reimportMs = performance.now() - started;
    console.log(
      `Import again (all unchanged): ${seconds(reimportMs)}, ${(reimportMs / readMs).toFixed(2)}× the read`,
      JSON.stringify(again),
    );

    const [usages] = await database.db.select({ n: count() }).from(applicationUsages);
    const [adoptions] = await database.db.select({ n: count() }).from(solutionAdoptions);
    const [catalog] = await database.db.select({ n: count() }).from(products);
    console.log(`In the database: ${usages!.n} usages, ${adoptions!.n} adoptions, ${catalog!.n} products`);
    const serverVersion = ((await admin.query('show server_version')).rows[0] as { server_version: string }).server_version;
    const result = {
      postgres: serverVersion,
      municipalities: numbers.length,
      applicationRows: plan.applications.length,
      adoptionRows: plan.adoptions.length,
      bytes: file.length,
      writeMs: Math.round(writeMs),
      readMs: Math.round(readMs),
      importMs: Math.round(importMs),
      reimportMs: Math.round(reimportMs),
      ratio: Number((importMs / readMs).toFixed(2)),
      reimportRatio: Number((reimportMs / readMs).toFixed(2)),
    };
    console.log(JSON.stringify(result));
    if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2));
    if (result.ratio > 3) console.log('The import is more than 3× the read: target missed.');
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await server?.stop();
  }
}

/** A platform administrator, as the import runs for one in the API. */
async function benchContext(db: Db): Promise<RequestContext> {
  const [user] = await db.insert(users).values({ email: 'bench-mapping@digiregion.no', name: 'Bench' }).returning();
  return {
    db,
    requestId: 'bench-mapping-import',
    language: 'nb',
    user: { id: user!.id, email: user!.email, name: user!.name, language: 'nb', hasPassword: false },
    roles: [{ role: 'platformAdmin', networkId: null, municipalityNumber: null }],
    cache: new Map(),
  };
}

/** One network with every municipality, so one workbook covers the country. */
async function nationalNetwork(db: Db): Promise<string[]> {
  const [network] = await db.insert(networks).values({ name: 'Hele landet', slug: 'norge' }).returning();
  const all = await db.select({ number: municipalities.number }).from(municipalities).where(isNull(municipalities.validTo));
  const numbers = all.map((m) => m.number).sort();
  await db
    .insert(networkMembers)
    .values(numbers.map((number) => ({ networkId: network!.id, municipalityNumber: number, joinedOn: '2020-01-01' })));
  const members = await db.select({ n: count() }).from(networkMembers).where(eq(networkMembers.networkId, network!.id));
  if (members[0]!.n !== numbers.length) throw new Error('bench: the national network is incomplete');
  return numbers;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
