import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../../test/harness.ts';
import { enqueueJob, startJobRunner } from '../modules/jobs/index.ts';
import { peerIsTrustedProxy } from '../trust-proxy.ts';

type LogLine = Record<string, unknown> & { msg?: string; requestId?: string };

/** A pino destination that keeps the lines. */
class CapturedLog {
  lines: LogLine[] = [];
  write(line: string) {
    this.lines.push(JSON.parse(line) as LogLine);
  }
  /** The lines logged while `action` ran. */
  async during<T>(action: () => Promise<T>): Promise<{ result: T; lines: LogLine[] }> {
    const from = this.lines.length;
    const result = await action();
    return { result, lines: this.lines.slice(from) };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('which peer may hand on a request id', () => {
  it('none, one or more hops, or the listed addresses, ranges and named ranges', () => {
    expect(peerIsTrustedProxy(false)('127.0.0.1')).toBe(false);
    expect(peerIsTrustedProxy(1)('203.0.113.7')).toBe(true);
    const listed = peerIsTrustedProxy(['10.0.0.0/8', '2001:db8::1', 'loopback']);
    expect(['10.2.3.4', '::ffff:10.2.3.4', '2001:db8::1', '127.0.0.1', '::1'].map(listed)).toEqual([true, true, true, true, true]);
    expect(['11.0.0.1', '2001:db8::2', 'ikke-en-adresse', undefined].map(listed)).toEqual([false, false, false, false]);
  });
});

describe.each(DATABASE_KINDS)('structured logs on %s', (kind) => {
  let t: TestApp;
  const log = new CapturedLog();
  beforeAll(async () => {
    // The proxy at 127.0.0.1 is trusted; the harness's clients come from 10.x addresses, which are not.
    t = await startTestApp(kind, { trustProxy: ['127.0.0.1'] }, { logger: true, logStream: log });
  });
  afterAll(() => t.close());

  it("puts the request's id on each of its log lines, in X-Request-Id and in the error body", async () => {
    const { result: res, lines } = await log.during(() =>
      t.app.inject({
        method: 'GET',
        url: '/api/networks/00000000-0000-4000-8000-000000000000/mapping/template',
        remoteAddress: '10.1.1.1',
      }),
    );
    expect(res.statusCode).toBe(401);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(UUID);
    expect(res.json<{ error: { requestId: string } }>().error.requestId).toBe(id);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    expect(lines.map((l) => l.requestId)).toEqual(lines.map(() => id));
  });

  it('gives every request its own id', async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => (await t.app.inject({ url: '/api/health' })).headers['x-request-id']));
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps the id a trusted proxy gives, when it is a sane token', async () => {
    const { result: res, lines } = await log.during(() =>
      t.app.inject({ url: '/api/finnes-ikke', headers: { 'x-request-id': 'nginx-4f2a.9_b' }, remoteAddress: '127.0.0.1' }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toBe('nginx-4f2a.9_b');
    expect(res.json<{ error: { requestId: string } }>().error.requestId).toBe('nginx-4f2a.9_b');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.requestId === 'nginx-4f2a.9_b')).toBe(true);
  });

  it('makes a new id when the proxy is not trusted or the id is not a sane token', async () => {
    const cases = [
      { remoteAddress: '10.1.1.2', id: 'fra-klienten' },
      { remoteAddress: '127.0.0.1', id: 'med mellomrom' },
      { remoteAddress: '127.0.0.1', id: 'x'.repeat(65) },
      { remoteAddress: '127.0.0.1', id: 'a\\"}{' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': c.id }, remoteAddress: c.remoteAddress });
      expect(res.headers['x-request-id'], JSON.stringify(c)).toMatch(UUID);
    }
  });

  it("puts the job's id and kind on the lines of a job", async () => {
    const id = await enqueueJob(t.db, 'test.logged', {}, { runAt: new Date(Date.now() - 60_000) });
    const runner = startJobRunner(
      t.db,
      { 'test.logged': async (_payload, _db, jobLog) => jobLog?.info('handler at work') },
      {
        log: t.app.log,
        autoStart: false,
      },
    );
    const { lines } = await log.during(() => runner.drain());
    await runner.stop();
    const handlerLines = lines.filter((l) => l.msg === 'handler at work');
    expect(handlerLines).toEqual([expect.objectContaining({ jobId: id, kind: 'test.logged' })]);
    expect(lines.filter((l) => l.msg === 'job done' && l.jobId === id)).toEqual([expect.objectContaining({ kind: 'test.logged' })]);
  });

  it('never writes cookies, authorization or the CSRF token', async () => {
    const { lines } = await log.during(async () => {
      const headers = {
        cookie: 'dr_session=hemmelig',
        authorization: 'Bearer hemmelig',
        'x-csrf-token': 'hemmelig',
        accept: 'application/json',
      };
      t.app.log.info({ headers, upstream: { headers: { ...headers, 'set-cookie': 'dr_session=hemmelig' } } }, 'headers seen');
    });
    expect(JSON.stringify(lines)).not.toContain('hemmelig');
    expect(lines[0]).toMatchObject({
      headers: { cookie: '[redacted]', authorization: '[redacted]', 'x-csrf-token': '[redacted]', accept: 'application/json' },
      upstream: { headers: { 'set-cookie': '[redacted]' } },
    });
  });
});
