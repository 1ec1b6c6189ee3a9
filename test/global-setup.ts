import { rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPglite, openDatabase } from '../src/server/db/client.ts';
import { seedDemo } from '../src/server/demo/seed.ts';
import { loadMunicipalitiesFile } from '../src/server/modules/network/index.ts';
import { loadMappingReferenceData } from '../src/server/modules/mapping/index.ts';
import { startThrowawayPostgres } from './postgres-server.ts';
import { ensureServerBuild } from './server-build.ts';
import { localFileStorage } from '../src/server/modules/storage/index.ts';
import { DEMO_FILES_DIR, PG_TEMPLATE_DB, PGLITE_TEMPLATE_DIR, PGLITE_TEMPLATE_TAR } from './paths.ts';

/**
 * Prepares one migrated database with the demo data for each kind, once per run: a PGlite data
 * directory and a PostgreSQL template database. Each test file then starts from a copy.
 */
export default async function setup(project: TestProject) {
  ensureServerBuild();
  const server = process.env.TEST_DATABASE_URL ? null : await startThrowawayPostgres();
  const adminUrl = process.env.TEST_DATABASE_URL ?? server!.url;

  rmSync(PGLITE_TEMPLATE_DIR, { recursive: true, force: true });
  rmSync(DEMO_FILES_DIR, { recursive: true, force: true });
  await prepare(await openDatabase({ pglite: await createPglite(PGLITE_TEMPLATE_DIR) }));
  const template = await createPglite(PGLITE_TEMPLATE_DIR);
  writeFileSync(PGLITE_TEMPLATE_TAR, Buffer.from(await (await template.dumpDataDir('none')).arrayBuffer()));
  await template.close();

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${PG_TEMPLATE_DB}`);
  const templateUrl = withDatabase(adminUrl, PG_TEMPLATE_DB);
  await prepare(await openDatabase({ url: templateUrl }));

  project.provide('postgresAdminUrl', adminUrl);

  return async () => {
    await admin.query(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
    await admin.end();
    await server?.stop();
    rmSync(PGLITE_TEMPLATE_DIR, { recursive: true, force: true });
    rmSync(PGLITE_TEMPLATE_TAR, { force: true });
    rmSync(DEMO_FILES_DIR, { recursive: true, force: true });
  };
}

async function prepare(database: Awaited<ReturnType<typeof openDatabase>>) {
  await database.migrate();
  await loadMunicipalitiesFile(database.db);
  await loadMappingReferenceData(database.db);
  // Both databases' demo files land in one folder: their storage keys are random, so they do not collide.
  await seedDemo(database.db, undefined, localFileStorage(DEMO_FILES_DIR));
  await database.close();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}
