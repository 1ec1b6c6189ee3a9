import { resolve } from 'node:path';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { loadMunicipalitiesFile, ReferenceDataError } from '../modules/network/index.ts';

/**
 * Loads a newer municipality file from SSB: `npm run load-municipalities -- path/to/municipalities.csv`.
 * Same database settings as the server. All-or-nothing: a file with a bad row changes nothing.
 */
async function run() {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npm run load-municipalities -- <file.csv>');
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  try {
    await database.migrate();
    const result = await loadMunicipalitiesFile(database.db, resolve(path));
    console.log(`Loaded ${result.total} municipalities; ${result.closed} no longer in the file were closed.`);
  } finally {
    await database.close();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof ReferenceDataError ? error.message : error);
  process.exit(1);
});
