import { buildApp } from './app.ts';
import { ConfigError, readConfig, type AppConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { seedDemo } from './demo/seed.ts';
import { loadMunicipalitiesFile } from './modules/network/index.ts';
import { loadMappingReferenceData } from './modules/mapping/index.ts';
import { fileStorageFor } from './modules/storage/index.ts';
import { listenForMetrics } from './plugins/metrics.ts';

/**
 * Starts Digiregion: check the configuration, migrate, load reference data, (demo data), listen.
 * On SIGTERM or SIGINT it stops cleanly: not ready, no new connections, requests in flight and the
 * running job finished, metrics listener and database closed, exit 0; exit 1 if that takes longer
 * than SHUTDOWN_TIMEOUT_MS.
 */
async function main(config: AppConfig) {
  const open = () => openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  let database = await open();
  await database.migrate();
  await loadMunicipalitiesFile(database.db);
  await loadMappingReferenceData(database.db);
  // One storage for the whole process; an unreachable bucket stops the start with the setting to fix.
  const storage = fileStorageFor(config.storage);
  await storage.check();
  const demo = config.demo ? await seedDemo(database.db, { publicUrl: config.publicUrl }, storage) : undefined;
  if (demo?.seeded && database.kind === 'pglite') {
    // Loading the demo in one transaction grows PGlite's WebAssembly memory, which is never given back (920 MB
    // resident after the first start against 400 MB after later ones): opened anew, it starts from its usual size.
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

let config: AppConfig;
try {
  config = readConfig();
} catch (error) {
  // Before anything is opened: say what is wrong with the configuration, all of it, and stop.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

main(config).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
