import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { BackupError } from '../db/backup.ts';
import { describeComparison } from '../db/compare.ts';
import { moveToPostgres } from '../db/move-to-postgres.ts';

/**
 * `npm run move-to-postgres -- --to postgres://digiregion@db/digiregion`: copies the embedded database in DATA_DIR
 * (stop the app first) into an empty PostgreSQL database, then compares every table; exits non-zero if any differs.
 * The attached files stay in FILES_DIR. See docs/backup-and-restore.md.
 */
async function run() {
  const { values } = parseArgs({ options: { to: { type: 'string' } } });
  if (!values.to) throw new BackupError('usage: npm run move-to-postgres -- --to <DATABASE_URL of an empty PostgreSQL database>');
  const config = readConfig();
  const result = await moveToPostgres({ dataDir: config.dataDir, targetUrl: values.to, log: (line) => console.log(line) });
  console.log(describeComparison(result.tables, result.differences));
  if (result.differences.length > 0) process.exit(1);
  console.log('Done. Start Digiregion with DATABASE_URL set to the new database (FILES_DIR unchanged).');
}

run().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
