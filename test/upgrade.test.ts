import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { simpleParser } from 'mailparser';
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
/**
 * Columns migration 0017 rewrites: it hides the personal-link tokens the previous release kept in clear (decision 0012).
 * Every other column of these tables is compared as usual; the rewrite is checked on its own below.
 */
const REWRITTEN: Record<string, string[]> = {
  'public.outbox': ['text'],
  'public.jobs': ['payload'],
  'public.audit_entries': ['before', 'after'],
};
const comparable = (tables: TableColumns[]) =>
  tables.map((t) => ({ ...t, columns: t.columns.filter((c) => !REWRITTEN[t.table]?.includes(c)) }));
/** Rows that hold a personal link's token in clear, or a token's hash in an audit snapshot. */
const CLEAR_TOKENS = sql`select
  (select count(*)::int from outbox where text ~ '/(forfall|skriftlig|signer|svar|invitasjon)/[A-Za-z0-9_-]{20,}') as outbox,
  (select count(*)::int from jobs where payload::text ~ '/(forfall|skriftlig|signer|svar|invitasjon)/[A-Za-z0-9_-]{20,}' and status in ('done', 'failed')) as jobs,
  (select count(*)::int from audit_entries where coalesce(before::text, '') || coalesce(after::text, '') ~ '[tT]okenHash') as audit`;

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
  let tokensBefore: { outbox: number; jobs: number; audit: number };
  let tokensAfter: { outbox: number; jobs: number; audit: number };
  let afterMigration: TableSummary[];
  let counters: { scope: string; version: number }[];
  let app: FastifyInstance;
  let mailDir: string;

  beforeAll(async () => {
    const loaded = await loadPreviousRelease(kind);
    dispose = loaded.dispose;
    database = await loaded.open();
    oldTables = await listTables(database.db);
    before = await summarizeDatabase(database.db, comparable(oldTables));
    tokensBefore = (await queryRows<typeof tokensBefore>(database.db, CLEAR_TOKENS))[0]!;
    oldMigrations = await queryRows(database.db, sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`);
    oldCounters = await queryRows(database.db, sql`select scope, version from change_counters`);
    // What serve.ts does at start, then the app.
    await database.migrate();
    afterMigration = await summarizeDatabase(database.db, comparable(oldTables));
    tokensAfter = (await queryRows<typeof tokensAfter>(database.db, CLEAR_TOKENS))[0]!;
    counters = await queryRows(database.db, sql`select scope, version from change_counters`);
    // The reference data loaded at start may add its own rows (audit entries, jobs): compared before that.
    await loadMunicipalitiesFile(database.db);
    await loadMappingReferenceData(database.db);
    mailDir = mkdtempSync(join(tmpdir(), 'digiregion-mail-'));
    const config = {
      ...readConfig({ PUBLIC_URL: 'http://localhost:3999' }),
      webRoot: null,
      filesDir: mkdtempSync(join(tmpdir(), 'digiregion-files-')),
      mailDir,
    };
    app = await buildApp({ config, database, runJobs: false, logger: false, demoUsers: [] });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await dispose?.();
    if (mailDir) rmSync(mailDir, { recursive: true, force: true });
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

  it('hides the personal-link tokens the previous release kept in clear, in the outbox, sent jobs and audit snapshots', () => {
    // The previous release's demo summons left the attendees' token hashes in the audit log, and e-mail queued.
    expect(tokensBefore.audit).toBeGreaterThan(0);
    expect(tokensAfter).toEqual({ outbox: 0, jobs: 0, audit: 0 });
  });

  it('sends the e-mail the previous release queued with its link as it was, and keeps no token once it has gone', async () => {
    expect(await app.jobs.drain()).toBeGreaterThanOrEqual(1);
    const [eml] = readdirSync(mailDir).filter((name) => name.endsWith('.eml'));
    const mail = await simpleParser(readFileSync(join(mailDir, eml!)));
    const token = /\/forfall\/([\w-]{20,})/.exec(mail.text ?? '')![1]!;
    expect((await new Client(app).get(`/api/links/${token}`)).body).toMatchObject({ kind: 'absence' });
    const [left] = await queryRows<typeof tokensAfter>(database.db, CLEAR_TOKENS);
    expect(left).toEqual({ outbox: 0, jobs: 0, audit: 0 });
    const kept = await queryRows<{ text: string }>(
      database.db,
      sql`select payload::text as text from jobs union all select text from outbox`,
    );
    expect(kept.map((r) => r.text).join('\n')).not.toContain(token);
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
