import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createPglite, openDatabase, queryRows, type Database } from '../src/server/db/client.ts';
import { BackupError, createBackup, restoreBackup, verifyBackup, type BackupManifest } from '../src/server/db/backup.ts';
import { compareDatabases, listTables, summarizeDatabase } from '../src/server/db/compare.ts';
import { moveToPostgres } from '../src/server/db/move-to-postgres.ts';
import { createPostgresDatabase } from './databases.ts';
import { DEMO_FILES_DIR, PGLITE_TEMPLATE_DIR } from './paths.ts';
import { serverCli } from './server-build.ts';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'digiregion-backup-test-'));
let counter = 0;
/** A path in this file's scratch folder that does not exist yet. */
const newPath = (name: string) => join(scratch, `${name}-${++counter}`);

/** A files folder with the demo's attachments, as the app's FILES_DIR would hold them. */
function demoFilesDir(): string {
  const dir = newPath('files');
  cpSync(DEMO_FILES_DIR, dir, { recursive: true });
  return dir;
}

/** A private copy of the prepared embedded demo database. */
function demoDataDir(): string {
  const dir = newPath('pglite');
  cpSync(PGLITE_TEMPLATE_DIR, dir, { recursive: true });
  return dir;
}

function filesIn(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    entries.map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name)).toString('base64')]),
  );
}

async function withDatabase<T>(options: { url?: string; dataDir?: string }, work: (database: Database) => Promise<T>): Promise<T> {
  const database = options.url
    ? await openDatabase({ url: options.url })
    : await openDatabase({ pglite: await createPglite(options.dataDir) });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function tableCount(url: string): Promise<number> {
  return withDatabase({ url }, async (database) => (await listTables(database.db)).length);
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('backup and restore on PostgreSQL', () => {
  const drops: (() => Promise<void>)[] = [];
  let sourceUrl: string;
  let sourceFiles: string;
  let backup: string;
  let manifest: BackupManifest;

  beforeAll(async () => {
    const source = await createPostgresDatabase('demo');
    drops.push(source.drop);
    sourceUrl = source.url;
    sourceFiles = demoFilesDir();
    backup = newPath('backup');
    manifest = await createBackup({ databaseUrl: sourceUrl, dataDir: newPath('unused'), filesDir: sourceFiles }, backup);
  });
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it('writes the dump, the files and a manifest that describes them', async () => {
    expect(manifest.database.kind).toBe('postgresql');
    expect(readdirSync(backup).sort()).toEqual(['database.dump', 'files', 'manifest.json']);
    expect(manifest.parts.filter((p) => p.path.startsWith('files/'))).toHaveLength(filesIn(sourceFiles).size);
    expect(filesIn(sourceFiles).size).toBeGreaterThan(0);
    expect(manifest.tables.find((t) => t.table === 'public.networks')?.rows).toBeGreaterThan(0);
    expect(manifest.database.migrations.applied).toBe(manifest.tables.find((t) => t.table === 'drizzle.__drizzle_migrations')?.rows);
    // The manifest's table summaries are the source's, read in the dump's snapshot.
    const current = await withDatabase({ url: sourceUrl }, (database) => summarizeDatabase(database.db));
    expect(current).toEqual(manifest.tables);
    await expect(verifyBackup(backup)).resolves.toEqual(manifest);
  });

  it('restores into an empty database: every table and every file equal', async () => {
    const target = await createPostgresDatabase('empty');
    drops.push(target.drop);
    const targetFiles = newPath('files');
    const result = await restoreBackup({ databaseUrl: target.url, dataDir: newPath('unused'), filesDir: targetFiles }, backup);
    expect(result.differences).toEqual([]);
    expect(result.tables).toEqual(manifest.tables);
    const differences = await withDatabase({ url: sourceUrl }, (source) =>
      withDatabase({ url: target.url }, (restored) => compareDatabases(source.db, restored.db)),
    );
    expect(differences).toEqual([]);
    expect(filesIn(targetFiles)).toEqual(filesIn(sourceFiles));
  });

  it('refuses a target database that has tables, and changes nothing in it', async () => {
    const target = await createPostgresDatabase('demo');
    drops.push(target.drop);
    const before = await withDatabase({ url: target.url }, (database) => summarizeDatabase(database.db));
    await expect(
      restoreBackup({ databaseUrl: target.url, dataDir: newPath('unused'), filesDir: newPath('files') }, backup),
    ).rejects.toThrow(/already has \d+ tables: use a new, empty database/);
    expect(await withDatabase({ url: target.url }, (database) => summarizeDatabase(database.db))).toEqual(before);
  });

  it('refuses a files folder that is not empty', async () => {
    const target = await createPostgresDatabase('empty');
    drops.push(target.drop);
    const files = newPath('files');
    cpSync(sourceFiles, files, { recursive: true });
    await expect(restoreBackup({ databaseUrl: target.url, dataDir: newPath('unused'), filesDir: files }, backup)).rejects.toThrow(
      /files folder \(FILES_DIR\) .* is not empty/,
    );
    expect(await tableCount(target.url)).toBe(0);
  });

  it('refuses a tampered backup before touching the target', async () => {
    const tampered = newPath('tampered');
    cpSync(backup, tampered, { recursive: true });
    const attachment = manifest.parts.find((p) => p.path.startsWith('files/'))!;
    const path = join(tampered, attachment.path);
    const bytes = readFileSync(path);
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(path, bytes);
    writeFileSync(join(tampered, 'files', 'planted.txt'), 'not from the backup');
    const target = await createPostgresDatabase('empty');
    drops.push(target.drop);
    const targetFiles = newPath('files');
    const refusal = restoreBackup({ databaseUrl: target.url, dataDir: newPath('unused'), filesDir: targetFiles }, tampered);
    await expect(refusal).rejects.toThrow(BackupError);
    await expect(refusal).rejects.toThrow(`${attachment.path} has changed (its checksum differs)`);
    await expect(refusal).rejects.toThrow('files/planted.txt is not in the manifest');
    expect(await tableCount(target.url)).toBe(0);
    expect(existsSync(targetFiles)).toBe(false);
  });

  it('refuses a PostgreSQL backup when the embedded database is configured', async () => {
    await expect(restoreBackup({ databaseUrl: undefined, dataDir: newPath('pglite'), filesDir: newPath('files') }, backup)).rejects.toThrow(
      /backup of a PostgreSQL database: set DATABASE_URL/,
    );
  });

  it('works as the npm commands, with the server settings from the environment', async () => {
    const target = await createPostgresDatabase('empty');
    drops.push(target.drop);
    const cliBackup = newPath('cli-backup');
    const env = { ...process.env, DATABASE_URL: sourceUrl, FILES_DIR: sourceFiles };
    const made = await run(process.execPath, [serverCli('backup'), cliBackup], { env });
    expect(made.stdout).toMatch(
      /^Backup of the PostgreSQL database \(\d+ tables, \d+ rows, \d+ migrations\) and \d+ attached files written to /,
    );
    const restoreEnv = (filesDir: string) => ({ ...process.env, DATABASE_URL: target.url, FILES_DIR: filesDir });
    const restored = await run(process.execPath, [serverCli('restore'), cliBackup], {
      env: restoreEnv(newPath('files')),
    });
    expect(restored.stdout).toMatch(/All \d+ tables are equal/);
    // A second restore into the now full database is refused with the message alone and a failing exit code.
    const again = await run(process.execPath, [serverCli('restore'), cliBackup], {
      env: restoreEnv(newPath('files')),
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(again?.code).toBe(1);
    expect(again?.stderr).toMatch(/^The target database already has \d+ tables/);
  }, 120_000);
});

describe('backup and restore of the embedded database', () => {
  let dataDir: string;
  let filesDir: string;
  let backup: string;
  let manifest: BackupManifest;

  beforeAll(async () => {
    dataDir = demoDataDir();
    filesDir = demoFilesDir();
    backup = newPath('backup');
    manifest = await createBackup({ databaseUrl: undefined, dataDir, filesDir }, backup);
  });

  it('restores into a new DATA_DIR: every table and every file equal', async () => {
    expect(manifest.database.kind).toBe('pglite');
    expect(readdirSync(backup).sort()).toEqual(['files', 'manifest.json', 'pglite-data.tar.gz']);
    const targetDir = newPath('pglite');
    const targetFiles = newPath('files');
    const result = await restoreBackup({ databaseUrl: undefined, dataDir: targetDir, filesDir: targetFiles }, backup);
    expect(result.differences).toEqual([]);
    expect(result.tables.find((t) => t.table === 'public.users')?.rows).toBeGreaterThan(0);
    const differences = await withDatabase({ dataDir }, (source) =>
      withDatabase({ dataDir: targetDir }, (restored) => compareDatabases(source.db, restored.db)),
    );
    expect(differences).toEqual([]);
    expect(filesIn(targetFiles)).toEqual(filesIn(filesDir));
  });

  it('refuses a DATA_DIR that is not empty', async () => {
    const occupied = demoDataDir();
    const before = filesIn(occupied);
    await expect(restoreBackup({ databaseUrl: undefined, dataDir: occupied, filesDir: newPath('files') }, backup)).rejects.toThrow(
      /embedded database folder \(DATA_DIR\) .* is not empty/,
    );
    expect(filesIn(occupied)).toEqual(before);
  });

  it('refuses to back up while the database is open (the app is running)', async () => {
    const client = await createPglite(dataDir);
    try {
      await expect(createBackup({ databaseUrl: undefined, dataDir, filesDir }, newPath('backup'))).rejects.toThrow(
        /is open: stop Digiregion first/,
      );
    } finally {
      await client.close();
    }
  });

  it('refuses a backup with a changed database dump', async () => {
    const tampered = newPath('tampered');
    cpSync(backup, tampered, { recursive: true });
    writeFileSync(
      join(tampered, 'pglite-data.tar.gz'),
      Buffer.concat([readFileSync(join(tampered, 'pglite-data.tar.gz')), Buffer.from([0])]),
    );
    const targetDir = newPath('pglite');
    await expect(restoreBackup({ databaseUrl: undefined, dataDir: targetDir, filesDir: newPath('files') }, tampered)).rejects.toThrow(
      'pglite-data.tar.gz has changed (its checksum differs)',
    );
    expect(existsSync(targetDir)).toBe(false);
  });
});

describe('moving the embedded database to PostgreSQL', () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it('copies every table into an empty PostgreSQL database: all equal, and the app can write there', async () => {
    const dataDir = demoDataDir();
    const target = await createPostgresDatabase('empty');
    drops.push(target.drop);
    const lines: string[] = [];
    const result = await moveToPostgres({ dataDir, targetUrl: target.url, log: (line) => lines.push(line) });
    expect(result.differences).toEqual([]);
    expect(lines.some((l) => /public\.users: \d+ rows/.test(l))).toBe(true);
    // Checked again independently of the command, including the change counters the triggers would have bumped.
    const source = await withDatabase({ dataDir }, (database) => summarizeDatabase(database.db));
    const moved = await withDatabase({ url: target.url }, (database) => summarizeDatabase(database.db));
    expect(moved).toEqual(source);
    expect(moved.find((t) => t.table === 'public.change_counters')?.rows).toBeGreaterThan(0);
    // The triggers are back on: a write bumps its counter.
    await withDatabase({ url: target.url }, async (database) => {
      const counter = async () =>
        (await queryRows<{ version: number }>(database.db, sql`select version from change_counters where scope = 'network'`))[0]!.version;
      const before = await counter();
      await database.db.execute(sql`update networks set name = name`);
      expect(await counter()).toBe(before + 1);
    });
  });

  it('leaves the target empty when the move fails after the migrations have run', async () => {
    const dataDir = demoDataDir();
    await withDatabase({ dataDir }, (database) => database.db.execute(sql`create table stray (note text)`));
    const target = await createPostgresDatabase('empty');
    drops.push(target.drop);
    await expect(moveToPostgres({ dataDir, targetUrl: target.url })).rejects.toThrow(/tables differ from this version's \(public\.stray\)/);
    expect(await tableCount(target.url)).toBe(0);
  });

  it('refuses a target that is not empty, and one while the embedded database is open', async () => {
    const dataDir = demoDataDir();
    const full = await createPostgresDatabase('demo');
    drops.push(full.drop);
    await expect(moveToPostgres({ dataDir, targetUrl: full.url })).rejects.toThrow(/already has \d+ tables/);
    const empty = await createPostgresDatabase('empty');
    drops.push(empty.drop);
    const client = await createPglite(dataDir);
    try {
      await expect(moveToPostgres({ dataDir, targetUrl: empty.url })).rejects.toThrow(/is open: stop Digiregion first/);
    } finally {
      await client.close();
    }
    expect(await tableCount(empty.url)).toBe(0);
  });
});
