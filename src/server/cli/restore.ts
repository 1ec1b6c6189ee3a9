import { resolve } from 'node:path';
import { readConfig } from '../config.ts';
import { BackupError, restoreBackup } from '../db/backup.ts';
import { describeComparison } from '../db/compare.ts';

/**
 * `npm run restore -- /srv/backup/digiregion-2026-11-23`: into the empty database and files folder the server's
 * settings name. Checks the backup's checksums before anything is written, and afterwards compares every restored
 * table with the backup's manifest; exits non-zero if any differs.
 */
async function run() {
  const [source, ...rest] = process.argv.slice(2);
  if (!source || rest.length > 0) throw new BackupError('usage: npm run restore -- <backup directory>');
  const config = readConfig();
  const result = await restoreBackup(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, filesDir: config.filesDir },
    resolve(source),
  );
  console.log(`Restored the backup of ${result.manifest.createdAt} (Digiregion ${result.manifest.appVersion}).`);
  console.log(describeComparison(result.tables, result.differences));
  if (result.differences.length > 0) process.exit(1);
}

run().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
