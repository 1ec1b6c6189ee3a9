import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestApp, USERS } from '../../../test/harness.ts';
import { expectError } from '../../../test/helpers.ts';
import { registerErrorHandler } from './error-handler.ts';
import { registerRequestQueue, type RequestQueue, type RequestQueueLimits } from './request-queue.ts';

/** A promise and the hand that settles it. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets the queue's turns (setImmediate) and the requests' hooks run: for checking that nothing more happens. */
const settle = () => new Promise((r) => setTimeout(r, 20));

/** Waits until the check passes (a request has arrived, a place came free), however loaded the machine. */
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 10_000, interval: 5 });

/**
 * An app with the queue and routes that answer when the test says: `GET /api/hold/:n` is answered when `release(n)` is
 * called, and records when its handler began.
 */
async function queuedApp(limits: Omit<RequestQueueLimits, 'waitMs'> & { waitMs?: number }) {
  const app = Fastify();
  registerErrorHandler(app);
  const queue = registerRequestQueue(app, { waitMs: 60_000, ...limits });
  const began: number[] = [];
  const holds = new Map<number, ReturnType<typeof deferred>>();
  const hold = (n: number) => holds.get(n) ?? holds.set(n, deferred()).get(n)!;
  app.get<{ Params: { n: string } }>('/api/hold/:n', async (request) => {
    const n = Number(request.params.n);
    began.push(n);
    await hold(n).promise;
    return { n };
  });
  app.post<{ Body: { n: number } }>('/api/hold', async (request) => {
    began.push(request.body.n);
    await hold(request.body.n).promise;
    return { n: request.body.n };
  });
  app.get('/api/health', { config: { unqueued: true } }, () => ({ status: 'ok' }));
  app.get('/index.html', () => 'web client');
  // A download that never ends: its place is given up when the answer is handed over, not when it is read.
  app.get('/api/endless', (_request, reply) => {
    const endless = new Readable({ read() {} });
    endless.push('begun');
    return reply.type('text/plain').send(endless);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  /**
   * Sends a read and waits until the queue has it, working on it or waiting, so that arrivals come in the order of the
   * calls; the answer is still to come (in an object, where a promise would be awaited with the arrival).
   */
  const arrive = async (path: string) => {
    const before = queue.active() + queue.waiting();
    const answer = fetch(`${base}${path}`);
    await until(() => expect(queue.active() + queue.waiting()).toBe(before + 1));
    return { answer };
  };
  /** A read on a connection of its own that the test may cut (`destroy`), once the queue has it. */
  const rawRead = async (path: string) => {
    const before = queue.active() + queue.waiting();
    const sent = httpRequest({ host: '127.0.0.1', port, path }).on('error', () => undefined);
    sent.end();
    await until(() => expect(queue.active() + queue.waiting()).toBe(before + 1));
    return sent;
  };
  return { app, queue, began, base, arrive, rawRead, release: (n: number) => hold(n).resolve() };
}

function counts(queue: RequestQueue) {
  return { active: queue.active(), waiting: queue.waiting(), refused: queue.refused() };
}

describe('the request queue', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('works on at most the limit at once, and lets the others in in order of arrival', async () => {
    const q = await queuedApp({ active: 2, waiting: 10 });
    app = q.app;
    const answers: Promise<Response>[] = [];
    for (const n of [0, 1, 2, 3, 4]) answers.push((await q.arrive(`/api/hold/${n}`)).answer);
    await settle();
    expect(q.began).toEqual([0, 1]);
    expect(counts(q.queue)).toEqual({ active: 2, waiting: 3, refused: 0 });

    q.release(1);
    await until(() => expect(q.began).toEqual([0, 1, 2]));
    q.release(0);
    q.release(2);
    await until(() => expect(q.began).toEqual([0, 1, 2, 3, 4]));
    q.release(3);
    q.release(4);
    const bodies = await Promise.all(answers.map(async (answer) => ((await answer).json() as Promise<{ n: number }>).then((b) => b.n)));
    expect(bodies).toEqual([0, 1, 2, 3, 4]);
    expect(counts(q.queue)).toEqual({ active: 0, waiting: 0, refused: 0 });
  });

  it('refuses a read beyond the waiting line with 503 and Retry-After, and takes the next one again once there is room', async () => {
    const q = await queuedApp({ active: 1, waiting: 1 });
    app = q.app;
    const { answer: first } = await q.arrive('/api/hold/0');
    const { answer: second } = await q.arrive('/api/hold/1');
    const refused = await fetch(`${q.base}/api/hold/2`, { headers: { 'accept-language': 'nb' } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({
      error: { code: 'unavailable', message: 'Tjenesten er ikke klar akkurat nå. Prøv igjen om litt.' },
    });
    expect(q.began).toEqual([0]);
    expect(counts(q.queue)).toEqual({ active: 1, waiting: 1, refused: 1 });

    q.release(0);
    q.release(1);
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    q.release(3);
    expect((await fetch(`${q.base}/api/hold/3`)).status).toBe(200);
    expect(q.began).toEqual([0, 1, 3]);
  });

  it('refuses a read that waited too long, so that reads behind places that do not come free fail rather than hang', async () => {
    const q = await queuedApp({ active: 1, waiting: 5, waitMs: 300 });
    app = q.app;
    const { answer: held } = await q.arrive('/api/hold/0');
    const { answer: waited } = await q.arrive('/api/hold/1');
    expect((await waited).status).toBe(503);
    expect((await waited).headers.get('retry-after')).toBe('1');
    expect(counts(q.queue)).toEqual({ active: 1, waiting: 0, refused: 1 });
    expect(q.began).toEqual([0]);
    q.release(0);
    expect((await held).status).toBe(200);
  });

  it('answers health and the web client at once, however many wait', async () => {
    const q = await queuedApp({ active: 1, waiting: 5 });
    app = q.app;
    const held = [(await q.arrive('/api/hold/0')).answer, (await q.arrive('/api/hold/1')).answer];
    expect(counts(q.queue)).toMatchObject({ active: 1, waiting: 1 });
    const health = await fetch(`${q.base}/api/health`, { signal: AbortSignal.timeout(5000) });
    expect(await health.json()).toEqual({ status: 'ok' });
    const web = await fetch(`${q.base}/index.html`, { signal: AbortSignal.timeout(5000) });
    expect(await web.text()).toBe('web client');
    q.release(0);
    q.release(1);
    await Promise.all(held);
  });

  it('takes the path as the router reads it: an API route written another way waits its turn too', async () => {
    const q = await queuedApp({ active: 1, waiting: 5 });
    app = q.app;
    const { answer: held } = await q.arrive('/api/hold/0');
    const encoded = await q.rawRead('/%61pi/hold/1');
    const absolute = await q.rawRead(`${q.base}/api/hold/2`);
    expect(counts(q.queue)).toMatchObject({ active: 1, waiting: 2 });
    expect(q.began).toEqual([0]);
    q.release(0);
    q.release(1);
    q.release(2);
    await until(() => expect(q.began).toEqual([0, 1, 2]));
    await held;
    encoded.destroy();
    absolute.destroy();
  });

  it('gives up the turn of a client that goes away while it waits; one that goes away while answered keeps its place until its handler answers', async () => {
    const q = await queuedApp({ active: 1, waiting: 5 });
    app = q.app;
    const goneWhileAnswered = await q.rawRead('/api/hold/0');
    const goneWhileWaiting = await q.rawRead('/api/hold/1');
    expect(counts(q.queue)).toMatchObject({ active: 1, waiting: 1 });

    goneWhileWaiting.destroy();
    await until(() => expect(counts(q.queue)).toMatchObject({ active: 1, waiting: 0 }));
    goneWhileAnswered.destroy();
    const { answer: next } = await q.arrive('/api/hold/2');
    await settle();
    // The handler of the read whose client went away goes on, and holds its place meanwhile.
    expect(counts(q.queue)).toMatchObject({ active: 1, waiting: 1 });
    expect(q.began).toEqual([0]);

    q.release(0);
    q.release(2);
    expect(await (await next).json()).toEqual({ n: 2 });
    // The read that went away while waiting never reached its handler.
    expect(q.began).toEqual([0, 2]);
    expect(counts(q.queue)).toMatchObject({ active: 0, waiting: 0 });
  });

  it('lets writes go straight on while reads wait, and a slow download hold no place while it is read', async () => {
    const q = await queuedApp({ active: 1, waiting: 5 });
    app = q.app;
    const reads = [(await q.arrive('/api/hold/0')).answer, (await q.arrive('/api/hold/1')).answer];
    expect(counts(q.queue)).toMatchObject({ active: 1, waiting: 1 });
    const write = fetch(`${q.base}/api/hold`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":99}' });
    await until(() => expect(q.began).toEqual([0, 99]));
    q.release(99);
    expect(await (await write).json()).toEqual({ n: 99 });
    q.release(0);
    q.release(1);
    await Promise.all(reads);

    const download = await fetch(`${q.base}/api/endless`);
    expect(download.status).toBe(200);
    await until(() => expect(counts(q.queue)).toMatchObject({ active: 0, waiting: 0 }));
    q.release(2);
    expect(await (await fetch(`${q.base}/api/hold/2`)).json()).toEqual({ n: 2 });
    await download.body?.cancel();
  });
});

describe('the request queue in the app, on PostgreSQL', () => {
  it('has the session read wait its turn, answers health at once, and refuses in the one error shape beyond the line', async () => {
    const t = await startTestApp('postgresql', { requestQueue: { active: 1, waiting: 0, waitMs: 60_000 } });
    try {
      const member = await t.as(USERS.vesteralenMember);
      let held: ReturnType<typeof member.get> | undefined;
      await t.db.transaction(async (tx) => {
        // The member's session cannot be read until this transaction ends, so her request holds the one place.
        await tx.execute(sql`lock table sessions in access exclusive mode`);
        held = member.get('/api/me/work');
        await until(async () =>
          expect(await t.app.metrics.registry.metrics()).toContain('digiregion_http_requests_in_progress{state="active"} 1'),
        );
        const refused = await t.anonymous().get('/api/networks');
        expectError(refused, 503, 'unavailable');
        expect(refused.headers['retry-after']).toBe('1');
        expect((await t.anonymous().get('/api/health')).status).toBe(200);
      });
      expect((await held!).status).toBe(200);
      expect((await t.anonymous().get('/api/networks')).status).toBe(200);
      const scrape = await t.app.metrics.registry.metrics();
      expect(scrape).toContain('digiregion_http_requests_refused_total 1');
      expect(scrape).toContain('digiregion_http_requests_in_progress{state="waiting"} 0');
    } finally {
      await t.close();
    }
  });
});
