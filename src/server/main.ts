import { fileURLToPath } from 'node:url';
import { ConfigError, readConfig, type AppConfig } from './config.ts';
import { CREATE_DEMO_DATABASE, createDemoDatabaseInChild, isNewPgliteDatabase } from './demo/first-start.ts';

/**
 * The server's entry: checks the configuration, and serves (serve.ts). The embedded demo's first start creates and
 * loads its database in a child process that exits (demo/first-start.ts), this same module with CREATE_DEMO_DATABASE,
 * so that the server starts as on an existing database.
 */
async function start(config: AppConfig) {
  if (process.argv.includes(CREATE_DEMO_DATABASE)) {
    const { createDemoDatabase } = await import('./serve.ts');
    return createDemoDatabase(config);
  }
  if (config.demo && !config.databaseUrl && isNewPgliteDatabase(config.dataDir)) {
    await createDemoDatabaseInChild(fileURLToPath(import.meta.url));
  }
  // The server's modules only now: the process that waits for the child above holds 55 MB rather than 155.
  const { serve } = await import('./serve.ts');
  await serve(config);
}

let config: AppConfig;
try {
  config = readConfig();
} catch (error) {
  // Before anything is opened: say what is wrong with the configuration, all of it, and stop.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

start(config).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
