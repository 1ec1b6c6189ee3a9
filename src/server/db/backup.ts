import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { VERSION } from '../app.ts';
import { migrationsFolder, openDatabase, queryRows, type Database, type DatabaseKind, type DbOrTx } from './client.ts';
import { compareSummaries, summarizeDatabase, summarizeTables, type TableDifference, type TableSummary } from './compare.ts';
import { findPostgresTool, libpqConnection, runPostgresTool } from './postgres-tools.ts';

/**
 * A backup is a directory, not one archive file: the database dump as PostgreSQL or PGlite writes it, the attached
 * files as they are on disk, and a manifest with a SHA-256 per part. Node has no tar writer and this needs no new
 * dependency; the parts can be checked one by one and copied off site with rsync; whoever wants one file runs
 * `tar czf` over the directory. The manifest is written last: a directory without one is an unfinished backup.
 */
export interface BackupManifest {
  format: 'digiregion-backup';
  formatVersion: 1;
  /** The Digiregion version that wrote it. */
  appVersion: string;
  createdAt: string;
  database: {
    kind: DatabaseKind;
    serverVersion: string;
    /** The dump's part: `database.dump` (pg_dump custom format) or `pglite-data.tar.gz` (PGlite's data directory). */
    dump: string;
    migrations: MigrationLog;
  };
  /** Every table's rows at the moment of the dump: the restore checks the restored database against these. */
  tables: TableSummary[];
  /** Every file in the backup but the manifest, with its size and SHA-256. Attached files are under `files/`. */
  parts: { path: string; bytes: number; sha256: string }[];
}

export interface MigrationLog {
  applied: number;
  /** The newest applied migration's timestamp (Drizzle's `created_at`, the journal's `when`). */
  latest: number | null;
}

/** A refusal or failure to show as it is, without a stack trace. */
export class BackupError extends Error {}

const MANIFEST = 'manifest.json';
const POSTGRES_DUMP = 'database.dump';
const PGLITE_DUMP = 'pglite-data.tar.gz';
const FILES = 'files';

export interface DatabaseSettings {
  /** A PostgreSQL server; when unset, the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The local file storage's folder. */
  filesDir: string;
}

/** Writes a backup of the database and the attached files to `target`, a new or empty directory. */
export async function createBackup(settings: DatabaseSettings, target: string): Promise<BackupManifest> {
  await assertEmptyOrMissing(target, 'The backup directory');
  const createdTarget = !existsSync(target);
  await mkdir(target, { recursive: true });
  try {
    const createdAt = new Date().toISOString();
    const database = settings.databaseUrl
      ? await dumpPostgres(settings.databaseUrl, join(target, POSTGRES_DUMP))
      : await dumpPglite(settings.dataDir, join(target, PGLITE_DUMP));
    // After the database's snapshot: every file a row of the snapshot refers to is already on disk (files are
    // written before their row and never deleted), so the backup holds them all.
    await copyFiles(settings.filesDir, join(target, FILES));
    const manifest: BackupManifest = {
      format: 'digiregion-backup',
      formatVersion: 1,
      appVersion: VERSION,
      createdAt,
      database: { kind: database.kind, serverVersion: database.serverVersion, dump: database.dump, migrations: database.migrations },
      tables: database.tables,
      parts: await describeParts(target),
    };
    await writeFile(join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } catch (error) {
    await removeWhatWasWritten(target, createdTarget);
    throw error;
  }
}

interface DatabaseDump {
  kind: DatabaseKind;
  serverVersion: string;
  dump: string;
  migrations: MigrationLog;
  tables: TableSummary[];
}

async function dumpPostgres(url: string, file: string): Promise<DatabaseDump> {
  const database = await openDatabase({ url });
  try {
    const serverVersion = await readServerVersion(database.db);
    const pgDump = await findPostgresTool('pg_dump', majorOf(serverVersion));
    const { dbname, env } = libpqConnection(url);
    // pg_dump reads the snapshot this transaction exports, and the table summaries are read in the same one:
    // the manifest describes exactly what the dump holds, while the app goes on writing.
    return await database.db.transaction(
      async (tx) => {
        const [exported] = await queryRows<{ snapshot: string }>(tx, sql`select pg_export_snapshot() as snapshot`);
        await runPostgresTool(pgDump, ['--format=custom', `--snapshot=${exported!.snapshot}`, `--file=${file}`, `--dbname=${dbname}`], env);
        return {
          kind: 'postgresql' as const,
          serverVersion,
          dump: POSTGRES_DUMP,
          migrations: await readMigrationLog(tx),
          tables: await summarizeTables(tx),
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  } finally {
    await database.close();
  }
}

async function dumpPglite(dataDir: string, file: string): Promise<DatabaseDump> {
  assertEmbeddedDatabaseStopped(dataDir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new BackupError(`There is no embedded database in ${dataDir} (DATA_DIR).`);
  const client = await PGlite.create(dataDir);
  const database = await openDatabase({ pglite: client });
  try {
    const serverVersion = await readServerVersion(database.db);
    const migrations = await readMigrationLog(database.db);
    const tables = await summarizeDatabase(database.db);
    const archive = await client.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await archive.arrayBuffer()));
    return { kind: 'pglite', serverVersion, dump: PGLITE_DUMP, migrations, tables };
  } finally {
    await database.close();
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** The restored database's tables. */
  tables: TableSummary[];
  /** Tables whose restored rows differ from the manifest's: empty when the restore is exact. */
  differences: TableDifference[];
}

/**
 * Restores a backup into an empty database and an empty files folder. Everything is checked before anything is
 * written: the manifest's checksums, that the backup's database kind is the configured one, that this version of
 * Digiregion is not older than the backup, and that the targets are empty (restoring over data would lose it).
 */
export async function restoreBackup(settings: DatabaseSettings, source: string): Promise<RestoreResult> {
  const manifest = await verifyBackup(source);
  const kind: DatabaseKind = settings.databaseUrl ? 'postgresql' : 'pglite';
  if (manifest.database.kind !== kind) {
    throw new BackupError(
      manifest.database.kind === 'pglite'
        ? 'This is a backup of an embedded database: restore it with DATA_DIR set and DATABASE_URL unset, then move it with `npm run move-to-postgres`.'
        : 'This is a backup of a PostgreSQL database: set DATABASE_URL to the (empty) database to restore it into.',
    );
  }
  const codeLatest = readMigrationFiles({ migrationsFolder }).at(-1)?.folderMillis ?? 0;
  if ((manifest.database.migrations.latest ?? 0) > codeLatest) {
    throw new BackupError(
      `The backup was made by a newer Digiregion (${manifest.appVersion}) with migrations this version does not have: restore it with that version or a newer one.`,
    );
  }
  const hasFiles = manifest.parts.some((p) => p.path.startsWith(`${FILES}/`));
  if (hasFiles) await assertEmptyOrMissing(settings.filesDir, 'The files folder (FILES_DIR)');

  const dump = join(source, manifest.database.dump);
  const database = settings.databaseUrl ? await restorePostgres(settings.databaseUrl, dump) : await restorePglite(settings.dataDir, dump);
  try {
    if (hasFiles) await copyFiles(join(source, FILES), settings.filesDir);
    const tables = await summarizeDatabase(database.db);
    return { manifest, tables, differences: compareSummaries(manifest.tables, tables) };
  } finally {
    await database.close();
  }
}

/** The restored PostgreSQL database, opened; refuses a database that already has tables. */
async function restorePostgres(url: string, dump: string): Promise<Database> {
  const database = await openDatabase({ url });
  try {
    await assertEmptyDatabase(database.db);
    const pgRestore = await findPostgresTool('pg_restore', majorOf(await readServerVersion(database.db)));
    const { dbname, env } = libpqConnection(url);
    // One transaction: a restore that fails half-way leaves the database as empty as it was.
    await runPostgresTool(
      pgRestore,
      ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, dump],
      env,
    );
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The restored embedded database, opened; refuses a DATA_DIR that holds anything. */
async function restorePglite(dataDir: string, dump: string): Promise<Database> {
  await assertEmptyOrMissing(dataDir, 'The embedded database folder (DATA_DIR)');
  const createdDir = !existsSync(dataDir);
  try {
    await mkdir(dataDir, { recursive: true });
    const client = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(dump)]) });
    return await openDatabase({ pglite: client });
  } catch (error) {
    await removeWhatWasWritten(dataDir, createdDir);
    throw error;
  }
}

/** Reads a backup's manifest and checks every part against it: size, SHA-256, and no part missing or added. */
export async function verifyBackup(source: string): Promise<BackupManifest> {
  const manifestPath = join(source, MANIFEST);
  if (!existsSync(manifestPath))
    throw new BackupError(`${source} is not a Digiregion backup (or an unfinished one): it has no ${MANIFEST}.`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${manifestPath} is damaged: it is not JSON.`);
  }
  if (manifest.format !== 'digiregion-backup' || manifest.formatVersion !== 1 || !Array.isArray(manifest.parts)) {
    throw new BackupError(`${manifestPath} is not a manifest of a Digiregion backup this version can read.`);
  }
  const actual = new Map((await describeParts(source)).map((p) => [p.path, p]));
  const problems: string[] = [];
  for (const part of manifest.parts) {
    const found = actual.get(part.path);
    if (!found) problems.push(`${part.path} is missing`);
    else if (found.bytes !== part.bytes || found.sha256 !== part.sha256) problems.push(`${part.path} has changed (its checksum differs)`);
    actual.delete(part.path);
  }
  for (const path of actual.keys()) problems.push(`${path} is not in the manifest`);
  if (!manifest.parts.some((p) => p.path === manifest.database.dump))
    problems.push(`the database dump ${manifest.database.dump} is not in the manifest`);
  if (problems.length > 0)
    throw new BackupError(`The backup in ${source} does not match its manifest; nothing was restored:\n  ${problems.join('\n  ')}`);
  return manifest;
}

/**
 * PGlite is one process's database: a second process that opens the same folder while the app runs would
 * corrupt it. PGlite writes postmaster.pid when it opens the folder and removes it when it closes cleanly.
 */
export function assertEmbeddedDatabaseStopped(dataDir: string): void {
  if (existsSync(join(dataDir, 'postmaster.pid'))) {
    throw new BackupError(
      `The embedded database in ${dataDir} is open: stop Digiregion first. If it is not running (it was killed and did not ` +
        `close the database), start it once and stop it with Ctrl-C, or delete ${join(dataDir, 'postmaster.pid')}.`,
    );
  }
}

/** Refuses a database with tables in the app's schemas. */
export async function assertEmptyDatabase(db: DbOrTx): Promise<void> {
  const [row] = await queryRows<{ tables: number }>(
    db,
    sql`select count(*)::int as tables from information_schema.tables where table_schema in ('public', 'drizzle')`,
  );
  if (row!.tables > 0) {
    throw new BackupError(
      `The target database already has ${row!.tables} tables: use a new, empty database (writing into one that holds data would lose data).`,
    );
  }
}

export async function readMigrationLog(db: DbOrTx): Promise<MigrationLog> {
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return { applied: 0, latest: null };
  const [row] = await queryRows<{ applied: number; latest: string | null }>(
    db,
    sql`select count(*)::int as applied, max(created_at)::text as latest from drizzle.__drizzle_migrations`,
  );
  return { applied: row!.applied, latest: row!.latest === null ? null : Number(row!.latest) };
}

async function readServerVersion(db: DbOrTx): Promise<string> {
  const [row] = await queryRows<{ version: string }>(db, sql`select current_setting('server_version') as version`);
  return row!.version;
}

function majorOf(serverVersion: string): number {
  return Number.parseInt(serverVersion, 10);
}

async function assertEmptyOrMissing(path: string, what: string): Promise<void> {
  if (!existsSync(path)) return;
  if (!(await stat(path)).isDirectory()) throw new BackupError(`${what} ${path} is a file, not a folder.`);
  if ((await readdir(path)).length > 0) throw new BackupError(`${what} ${path} is not empty: it must be new or empty.`);
}

/** Undoes a failed write into a folder that was new or empty before it. */
async function removeWhatWasWritten(folder: string, created: boolean): Promise<void> {
  if (created) await rm(folder, { recursive: true, force: true });
  else for (const entry of await readdir(folder)) await rm(join(folder, entry), { recursive: true, force: true });
}

/** Copies a folder of attached files, leaving out the temporary files of writes under way. */
async function copyFiles(from: string, to: string): Promise<void> {
  if (!existsSync(from)) return;
  for (const path of await listFiles(from)) {
    if (/\.\d+\.tmp$/.test(path)) continue;
    const destination = join(to, relative(from, path));
    await mkdir(dirname(destination), { recursive: true });
    await copyFile(path, destination);
  }
}

async function describeParts(root: string): Promise<BackupManifest['parts']> {
  const parts: BackupManifest['parts'] = [];
  for (const path of await listFiles(root)) {
    const name = relative(root, path).split(sep).join('/');
    if (name === MANIFEST) continue;
    parts.push({ path: name, bytes: (await stat(path)).size, sha256: await sha256File(path) });
  }
  return parts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
