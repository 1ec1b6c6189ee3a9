import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { readMigrationLog } from '../src/server/db/backup.ts';
import { createPglite, migrationsFolder, openDatabase, queryRows, type Database } from '../src/server/db/client.ts';
import { compareSummaries, listTables, summarizeDatabase, type TableColumns, type TableSummary } from '../src/server/db/compare.ts';
import { loadMappingReferenceData } from '../src/server/modules/mapping/index.ts';
import { loadMunicipalitiesFile } from '../src/server/modules/network/index.ts';
import { createPostgresDatabase } from './databases.ts';
import { UPGRADE_FIXTURE } from './fixtures/make-upgrade-fixture.ts';
import { Client, DATABASE_KINDS, USERS, type DatabaseKind } from './harness.ts';

/**
 * A new version started on the data of the previous release: the fixture is PostgreSQL migrated and seeded with the
 * demo data by that release's code (test/fixtures/make-upgrade-fixture.ts). Migrating it must keep every row of every
 * old table, apply the new migrations, and leave an app that works.
 */
const fixtureSql = gunzipSync(readFileSync(UPGRADE_FIXTURE)).toString('utf8');
/** The migrations log gains rows; the change counters may count writes a data migration makes. Both are checked below. */
const GROWING_TABLES = new Set(['drizzle.__drizzle_migrations', 'public.change_counters']);

/** An empty database of the kind, with the previous release's dump loaded; reopened, since the dump empties the search path. */
async function loadPreviousRelease(kind: DatabaseKind): Promise<{ open: () => Promise<Database>; dispose: () => Promise<void> }> {
  if (kind === 'postgresql') {
    const database = await createPostgresDatabase('empty');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(fixtureSql);
    } finally {
      await client.end();
    }
    return { open: () => openDatabase({ url: database.url }), dispose: database.drop };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'digiregion-upgrade-'));
  const pglite = await createPglite(dataDir);
  await pglite.exec(fixtureSql);
  await pglite.close();
  return {
    open: async () => openDatabase({ pglite: await createPglite(dataDir) }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

describe.each(DATABASE_KINDS)('upgrading the previous release on %s', (kind) => {
  let dispose: () => Promise<void>;
  let database: Database;
  let oldTables: TableColumns[];
  let before: TableSummary[];
  let oldMigrations: { hash: string; created_at: string }[];
  let oldCounters: { scope: string; version: number }[];
  let afterMigration: TableSummary[];
  let counters: { scope: string; version: number }[];
  let app: FastifyInstance;

  beforeAll(async () => {
    const loaded = await loadPreviousRelease(kind);
    dispose = loaded.dispose;
    database = await loaded.open();
    oldTables = await listTables(database.db);
    before = await summarizeDatabase(database.db, oldTables);
    oldMigrations = await queryRows(database.db, sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`);
    oldCounters = await queryRows(database.db, sql`select scope, version from change_counters`);
    // What main.ts does at start, then the app.
    await database.migrate();
    afterMigration = await summarizeDatabase(database.db, oldTables);
    counters = await queryRows(database.db, sql`select scope, version from change_counters`);
    // The reference data loaded at start may add its own rows (audit entries, jobs): compared before that.
    await loadMunicipalitiesFile(database.db);
    await loadMappingReferenceData(database.db);
    const config = {
      ...readConfig({ PUBLIC_URL: 'http://localhost:3999' }),
      webRoot: null,
      filesDir: mkdtempSync(join(tmpdir(), 'digiregion-files-')),
    };
    app = await buildApp({ config, database, runJobs: false, logger: false, demoUsers: [] });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await dispose?.();
  });

  it('starts from the previous release: its migrations and its demo data', () => {
    expect(oldMigrations).toHaveLength(14);
    expect(before.find((t) => t.table === 'public.networks')?.rows).toBeGreaterThan(0);
    expect(before.find((t) => t.table === 'public.projects')?.rows).toBeGreaterThan(0);
  });

  it('keeps every row of every old table, column for column', () => {
    const kept = (list: TableSummary[]) => list.filter((t) => !GROWING_TABLES.has(t.table));
    expect(compareSummaries(kept(before), kept(afterMigration))).toEqual([]);
    // Counters only go up, and none is lost.
    expect(oldCounters.length).toBeGreaterThan(0);
    for (const old of oldCounters) {
      expect(counters.find((c) => c.scope === old.scope)?.version, old.scope).toBeGreaterThanOrEqual(old.version);
    }
  });

  it('applies every new migration after the old ones', async () => {
    const migrations = readMigrationFiles({ migrationsFolder });
    const log = await readMigrationLog(database.db);
    expect(log).toEqual({ applied: migrations.length, latest: migrations.at(-1)!.folderMillis });
    const rows = await queryRows<{ hash: string; created_at: string }>(
      database.db,
      sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`,
    );
    expect(rows.slice(0, oldMigrations.length)).toEqual(oldMigrations);
  });

  it('serves the old data through the API', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', database: kind });
    const secretariat = await new Client(app).login(USERS.vesteralenAdmin);
    const network = await secretariat.get('/api/networks/digivesteralen');
    expect(network.status).toBe(200);
    expect(network.body.name).toBe('DigiVesterålen');
    const bodies = await secretariat.get('/api/networks/digivesteralen/bodies');
    expect(bodies.status).toBe(200);
    expect(bodies.body.length).toBeGreaterThan(0);
    // A write works on the upgraded schema too.
    const changed = await secretariat.patch(`/api/networks/${network.body.id}`, {
      version: network.body.version,
      description: 'Etter oppgradering',
    });
    expect(changed.status).toBe(200);
  });
});
