import { resolve } from 'node:path';
import { readConfig } from '../config.ts';
import { BackupError, createBackup } from '../db/backup.ts';

/**
 * `npm run backup -- /srv/backup/digiregion-2026-11-23`: the database and the attached files, with the same settings
 * as the server, into a new directory (see docs/backup-and-restore.md). PostgreSQL is dumped while the app runs; the
 * embedded database only while it is stopped.
 */
async function run() {
  const [target, ...rest] = process.argv.slice(2);
  if (!target || rest.length > 0) throw new BackupError('usage: npm run backup -- <new backup directory>');
  const config = readConfig();
  const manifest = await createBackup(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, filesDir: config.filesDir },
    resolve(target),
  );
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  const files = manifest.parts.filter((p) => p.path.startsWith('files/')).length;
  console.log(
    `Backup of the ${manifest.database.kind === 'pglite' ? 'embedded' : 'PostgreSQL'} database (${manifest.tables.length} tables, ${rows} rows, ` +
      `${manifest.database.migrations.applied} migrations) and ${files} attached files written to ${resolve(target)}.`,
  );
}

run().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
