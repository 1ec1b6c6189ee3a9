import { buildApp } from './app.ts';
import type { AppConfig } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { seedDemo } from './demo/seed.ts';
import { loadMunicipalitiesFile } from './modules/network/index.ts';
import { loadMappingReferenceData } from './modules/mapping/index.ts';
import { fileStorageFor } from './modules/storage/index.ts';
import { listenForMetrics } from './plugins/metrics.ts';

/**
 * Starts Digiregion on a checked configuration (main.ts): migrate, load reference data, (demo data), listen.
 * On SIGTERM or SIGINT it stops cleanly: not ready, no new connections, requests in flight and the
 * running job finished, metrics listener and database closed, exit 0; exit 1 if that takes longer
 * than SHUTDOWN_TIMEOUT_MS.
 */
export async function serve(config: AppConfig) {
  const open = () => openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  const prepared = await prepare(config, open);
  const { storage, demo } = prepared;
  let { database } = prepared;
  if (demo?.seeded && database.kind === 'pglite') {
    // Here only when the embedded database was there without the demo (DEMO turned on later, or a first start that
    // stopped half-way; a new one is loaded by main.ts's child). Loading the demo in one transaction grows PGlite's
    // WebAssembly memory, which is never given back (920 MB resident after the first start against 400 MB after later
    // ones): opened anew, it starts from its usual size.
    await database.close();
    database = await open();
  }
  const app = await buildApp({ config, database, demoUsers: demo?.users, storage });
  app.log.info(`attachments: ${storage.description}`);

  let metrics: Awaited<ReturnType<typeof listenForMetrics>> | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'stopping: finishing requests in flight and the running job');
    const deadline = setTimeout(() => {
      app.log.error({ signal, timeoutMs: config.shutdownTimeoutMs }, 'stopping took longer than SHUTDOWN_TIMEOUT_MS: exiting anyway');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    try {
      // Not ready and no new connections at once; resolves when requests in flight and the running job are done.
      await app.close();
      await metrics?.close();
      await database.close();
      app.log.info({ signal }, 'stopped');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'stopping failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  if (config.metricsPort !== 0) {
    metrics = await listenForMetrics(app.metrics.registry, config.metricsHost, config.metricsPort);
    app.log.info(`metrics on http://${config.metricsHost}:${metrics.port}/metrics`);
  }
  app.log.info(`Digiregion ${config.demo ? '(demo) ' : ''}on ${config.publicUrl}, database: ${database.kind}`);
}

/**
 * What every start does before it serves: migrate, load the reference data, check the file storage, and with DEMO load
 * the demo data unless the database has it.
 */
async function prepare(config: AppConfig, open: () => Promise<Database>) {
  const database = await open();
  await database.migrate();
  await loadMunicipalitiesFile(database.db);
  await loadMappingReferenceData(database.db);
  // One storage for the whole process; an unreachable bucket stops the start with the setting to fix.
  const storage = fileStorageFor(config.storage);
  await storage.check();
  const demo = config.demo ? await seedDemo(database.db, { publicUrl: config.publicUrl }, storage) : undefined;
  return { database, storage, demo };
}

/** The child of the embedded demo's first start (demo/first-start.ts): the same steps, then the database closed. */
export async function createDemoDatabase(config: AppConfig) {
  const { database } = await prepare(config, () => openDatabase({ dataDir: config.dataDir }));
  await database.close();
  // The spreadsheet reader's idle worker would keep the process for another 15 s.
  process.exit(0);
}
