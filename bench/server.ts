import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { loadMunicipalitiesFile } from '../src/server/modules/network/index.ts';
import { generateDataset, type GeneratedDataset } from './generate.ts';
import { generatePortfolio } from './generate-portfolio.ts';

/**
 * The process under test, started by bench/run.ts with fork(): the real app and a bare Fastify
 * server side by side in this one process, on loopback ports. The load generator (autocannon) runs
 * in the parent, so it does not take event-loop time from the servers it measures.
 *
 * BENCH_SERVER_DATABASE_URL: a PostgreSQL database that run.ts has already filled.
 * Without it: an in-memory PGlite, migrated and filled here (it cannot be shared between processes).
 * BENCH_SERVER_RUN_JOBS=1: the job runner polls as in production (the archive extract is built by a job).
 * BENCH_SERVER_FILES_DIR: the folder of file storage (the repository's data/files otherwise).
 */

export type ServerMessage =
  | { type: 'ready'; appUrl: string; bareUrl: string; databaseKind: string; dataset: GeneratedDataset | null }
  | { type: 'error'; message: string };

const send = (message: ServerMessage) => process.send?.(message);

async function main() {
  const url = process.env.BENCH_SERVER_DATABASE_URL;
  let database: Database;
  let dataset: GeneratedDataset | null = null;
  if (url) {
    database = await openDatabase({ url });
  } else {
    database = await openDatabase({});
    await database.migrate();
    await loadMunicipalitiesFile(database.db);
    dataset = await generateDataset(database.db);
    await generatePortfolio(database.db);
  }

  const filesDir = process.env.BENCH_SERVER_FILES_DIR;
  const config = {
    // The request queue's limit may be set for a run, to compare limits on the same data.
    ...readConfig({ MAX_ACTIVE_REQUESTS: process.env.MAX_ACTIVE_REQUESTS }),
    databaseUrl: url,
    demo: false,
    webRoot: null,
    logLevel: 'silent',
    host: '127.0.0.1',
    ...(filesDir ? { filesDir, storage: { kind: 'local' as const, dir: filesDir } } : {}),
    // run.ts turns the decision search's kept answers off (issue 20: a query nobody asked before).
    searchCache: process.env.SEARCH_CACHE !== 'false',
  };
  const app = await buildApp({ config, database, logger: false, runJobs: process.env.BENCH_SERVER_RUN_JOBS === '1' });
  await app.listen({ port: 0, host: '127.0.0.1' });

  // The baseline: what this process and Fastify can do with no application work at all.
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ status: 'ok' }));
  // The same with an answer of a given size (random bytes, as gzip is), for what moving a large answer costs alone.
  const blobs = new Map<number, Buffer>();
  bare.get<{ Params: { bytes: string } }>('/bare/:bytes', async (req, reply) => {
    const bytes = Math.min(Math.max(Math.trunc(Number(req.params.bytes)) || 0, 0), 10_000_000);
    if (!blobs.has(bytes)) blobs.set(bytes, randomBytes(bytes));
    return reply.type('application/octet-stream').send(blobs.get(bytes));
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });

  const address = (server: typeof bare.server) => {
    const a = server.address();
    if (!a || typeof a === 'string') throw new Error('no address');
    return `http://127.0.0.1:${a.port}`;
  };

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await bare.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  send({ type: 'ready', appUrl: address(app.server), bareUrl: `${address(bare.server)}/bare`, databaseKind: database.kind, dataset });
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
