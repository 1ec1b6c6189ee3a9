import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../../test/harness.ts';
import { enqueueJob, startJobRunner } from '../modules/jobs/index.ts';
import { listenForMetrics, type MetricsListener } from './metrics.ts';

/** The value of one series in a scrape, 0 when it is not there. */
function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(DATABASE_KINDS)('Prometheus metrics on %s', (kind) => {
  let t: TestApp;
  let listener: MetricsListener;
  const webRoot = mkdtempSync(join(tmpdir(), 'digiregion-web-'));
  const scrape = async () => {
    const res = await fetch(`http://127.0.0.1:${listener.port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  beforeAll(async () => {
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Digiregion</title>');
    t = await startTestApp(kind, { webRoot });
    listener = await listenForMetrics(t.app.metrics.registry, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await listener.close();
    await t.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the process, database and request metrics on the internal listener, and nothing else there', async () => {
    const text = await scrape();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(valueOf(text, `digiregion_db_connections{database="${kind}",pool="main",state="total"}`)).toBeGreaterThanOrEqual(1);
    if (kind === 'postgresql') {
      expect(text).toContain('digiregion_db_connections{database="postgresql",pool="main",state="idle"}');
      expect(text).toContain('digiregion_db_connections{database="postgresql",pool="prepared",state="waiting"}');
    }
    expect((await fetch(`http://127.0.0.1:${listener.port}/`)).status).toBe(404);
  });

  it('answers 404 for /metrics on the public port, while other paths get the web app', async () => {
    expect((await t.app.inject({ url: '/n/digivesteralen' })).statusCode).toBe(200);
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('counts requests and their durations by method, route pattern and status', async () => {
    const health = 'method="GET",route="/api/health",status_code="200"';
    const template = 'method="GET",route="/api/networks/:networkId/mapping/template",status_code="401"';
    const before = await scrape();
    await t.app.inject({ url: '/api/health' });
    await t.app.inject({ url: '/api/health' });
    await t.app.inject({ url: '/api/networks/00000000-0000-4000-8000-000000000000/mapping/template' });
    const after = await scrape();
    expect(valueOf(after, `digiregion_http_requests_total{${health}}`) - valueOf(before, `digiregion_http_requests_total{${health}}`)).toBe(
      2,
    );
    expect(
      valueOf(after, `digiregion_http_requests_total{${template}}`) - valueOf(before, `digiregion_http_requests_total{${template}}`),
    ).toBe(1);
    expect(
      valueOf(after, `digiregion_http_request_duration_seconds_count{${health}}`) -
        valueOf(before, `digiregion_http_request_duration_seconds_count{${health}}`),
    ).toBe(2);
    expect(after).toContain(`digiregion_http_request_duration_seconds_bucket{le="0.005",${health}}`);
    expect(after).not.toContain('00000000-0000-4000-8000-000000000000');
  });

  it('shows the job queue by kind and state, and counts the jobs run and failed', async () => {
    await t.app.jobs.drain(); // the demo's own jobs, so that the runner below sees only these
    const past = new Date(Date.now() - 60_000);
    await enqueueJob(t.db, 'test.metrics-ok', {}, { runAt: past });
    await enqueueJob(t.db, 'test.metrics-ok', {}, { runAt: past });
    await enqueueJob(t.db, 'test.metrics-bad', {}, { runAt: past, maxAttempts: 1 });
    let text = await scrape();
    expect(valueOf(text, 'digiregion_jobs{kind="test.metrics-ok",state="queued"}')).toBe(2);
    expect(valueOf(text, 'digiregion_jobs{kind="test.metrics-bad",state="queued"}')).toBe(1);

    const runner = startJobRunner(
      t.db,
      { 'test.metrics-ok': async () => undefined, 'test.metrics-bad': () => Promise.reject(new Error('virker ikke')) },
      { autoStart: false, onFinished: t.app.metrics.countJob },
    );
    expect(await runner.drain()).toBe(3);
    await runner.stop();
    text = await scrape();
    expect(valueOf(text, 'digiregion_jobs{kind="test.metrics-ok",state="queued"}')).toBe(0);
    expect(valueOf(text, 'digiregion_jobs{kind="test.metrics-bad",state="failed"}')).toBe(1);
    expect(valueOf(text, 'digiregion_jobs_run_total{kind="test.metrics-ok"}')).toBe(2);
    expect(valueOf(text, 'digiregion_jobs_failed_total{kind="test.metrics-ok"}')).toBe(0);
    expect(valueOf(text, 'digiregion_jobs_run_total{kind="test.metrics-bad"}')).toBe(1);
    expect(valueOf(text, 'digiregion_jobs_failed_total{kind="test.metrics-bad"}')).toBe(1);
  });
});
