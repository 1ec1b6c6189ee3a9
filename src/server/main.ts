import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { seedDemo } from './demo/seed.ts';
import { loadMunicipalitiesFile } from './modules/network/index.ts';
import { loadMappingReferenceData } from './modules/mapping/index.ts';
import { localFileStorage } from './modules/storage/index.ts';

/** Starts Digiregion: migrate, load reference data, (demo data), listen; stops cleanly on Ctrl-C. */
async function main() {
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  await loadMunicipalitiesFile(database.db);
  await loadMappingReferenceData(database.db);
  const demo = config.demo ? await seedDemo(database.db, { publicUrl: config.publicUrl }, localFileStorage(config.filesDir)) : undefined;
  const app = await buildApp({ config, database, demoUsers: demo?.users });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: stopping`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Digiregion ${config.demo ? '(demo) ' : ''}on ${config.publicUrl}, database: ${database.kind}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
