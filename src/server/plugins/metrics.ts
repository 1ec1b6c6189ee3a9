import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.ts';
import { countJobsByState, type JobOutcome } from '../modules/jobs/index.ts';
import type { RequestQueue } from './request-queue.ts';

export interface Metrics {
  /** This app's own registry: several apps in one process (the tests) keep their counts apart. */
  registry: Registry;
  /** Counts a job run, for the runner's onFinished. */
  countJob: (kind: string, outcome: JobOutcome) => void;
}

/**
 * Prometheus metrics: requests by method, route pattern and status; the API reads in progress and waiting; the
 * job queue; the database connections; the process. Served on an internal listener (listenForMetrics), never on the
 * public port.
 */
export function registerMetrics(app: FastifyInstance, database: Database, queue: RequestQueue): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({ name: 'digiregion_http_requests_total', help: 'HTTP requests answered', labelNames, registers });
  const durations = new Histogram({
    name: 'digiregion_http_request_duration_seconds',
    help: 'Time from request to answer',
    labelNames,
    registers,
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, never the raw URL: ids in paths would make a series per record.
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: reply.statusCode };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
  });

  new Gauge({
    name: 'digiregion_http_requests_in_progress',
    help: 'API reads being worked on (active) and waiting their turn (waiting), see MAX_ACTIVE_REQUESTS',
    labelNames: ['state'],
    registers,
    collect() {
      this.set({ state: 'active' }, queue.active());
      this.set({ state: 'waiting' }, queue.waiting());
    },
  });
  new Counter({
    name: 'digiregion_http_requests_refused_total',
    help: 'API reads refused with 503: MAX_WAITING_REQUESTS were waiting already, or one waited MAX_REQUEST_WAIT_MS',
    registers,
    collect() {
      this.reset();
      this.inc(queue.refused());
    },
  });

  new Gauge({
    name: 'digiregion_jobs',
    help: 'Jobs queued, running or failed for good, by kind (counted when scraped)',
    labelNames: ['kind', 'state'],
    registers,
    async collect() {
      this.reset();
      try {
        for (const row of await countJobsByState(database.db)) this.set({ kind: row.kind, state: row.state }, row.count);
      } catch (error) {
        // A scrape still answers with the other metrics when the database does not.
        app.log.warn({ err: error }, 'metrics: could not count jobs');
      }
    },
  });
  const jobRuns = new Counter({
    name: 'digiregion_jobs_run_total',
    help: 'Jobs run by this instance, by kind',
    labelNames: ['kind'],
    registers,
  });
  const jobFailures = new Counter({
    name: 'digiregion_jobs_failed_total',
    help: 'Job attempts that failed on this instance, by kind',
    labelNames: ['kind'],
    registers,
  });

  new Gauge({
    name: 'digiregion_db_connections',
    help: 'Database connections by pool and state: total, idle and waiting (clients waiting for one) for a PostgreSQL pool (main, and prepared for the prepared statements); PGlite is one connection',
    labelNames: ['state', 'database', 'pool'],
    registers,
    collect() {
      for (const stats of database.connections()) {
        const labels = { database: database.kind, pool: stats.pool };
        this.set({ ...labels, state: 'total' }, stats.total);
        if (stats.idle !== undefined) this.set({ ...labels, state: 'idle' }, stats.idle);
        if (stats.waiting !== undefined) this.set({ ...labels, state: 'waiting' }, stats.waiting);
      }
    },
  });

  return {
    registry,
    countJob: (kind, outcome) => {
      jobRuns.inc({ kind });
      if (outcome === 'failed') jobFailures.inc({ kind });
    },
  };
}

export interface MetricsListener {
  port: number;
  close(): Promise<void>;
}

/** The internal listener Prometheus scrapes: GET /metrics, nothing else. */
export async function listenForMetrics(registry: Registry, host: string, port: number): Promise<MetricsListener> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
