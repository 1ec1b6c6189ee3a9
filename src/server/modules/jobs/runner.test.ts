import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../../../test/harness.ts';
import { jobs, outbox } from '../../db/schema/index.ts';
import { queueEmail } from '../mail/index.ts';
import { enqueueJob } from './queue.ts';
import { startJobRunner } from './runner.ts';

describe.each(DATABASE_KINDS)('job runner on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('sends queued e-mail to the outbox when no SMTP server is configured', async () => {
    await queueEmail(t.db, { to: 'kari@example.no', subject: 'Innkalling', text: 'Velkommen', networkId: null });
    expect(await t.app.jobs.drain()).toBeGreaterThanOrEqual(1);
    const [message] = await t.db.select().from(outbox).where(eq(outbox.to, 'kari@example.no'));
    expect(message).toMatchObject({ subject: 'Innkalling', text: 'Velkommen', sentAt: null });
  });

  it('takes up a job whose runner died, once its lock has run out', async () => {
    const seen: unknown[] = [];
    const id = await enqueueJob(t.db, 'test.record', { n: 1 });
    // As a process that stopped half-way leaves it: running, with a lock that has expired.
    await t.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(jobs.id, id));
    const runner = startJobRunner(t.db, { 'test.record': async (payload) => void seen.push(payload) }, { autoStart: false });
    expect(await runner.drain()).toBe(1);
    await runner.stop();
    expect(seen).toEqual([{ n: 1 }]);
    const [job] = await t.db.select().from(jobs).where(eq(jobs.id, id));
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('leaves a job another runner holds alone', async () => {
    const id = await enqueueJob(t.db, 'test.held', {});
    await t.db
      .update(jobs)
      .set({ status: 'running', lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(jobs.id, id));
    const runner = startJobRunner(t.db, { 'test.held': async () => undefined }, { autoStart: false });
    expect(await runner.drain()).toBe(0);
    await runner.stop();
  });

  it('on stop, lets the running job finish and claims no further one', async () => {
    let started!: () => void;
    const jobStarted = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    const first = await enqueueJob(t.db, 'test.slow', { n: 1 }, { runAt: new Date(Date.now() - 2000) });
    const second = await enqueueJob(t.db, 'test.slow', { n: 2 }, { runAt: new Date(Date.now() - 1000) });
    const outcomes: string[] = [];
    const runner = startJobRunner(
      t.db,
      {
        'test.slow': async (payload) => {
          started();
          await released;
          ran.push(JSON.stringify(payload));
        },
      },
      { autoStart: false, onFinished: (kind, outcome) => outcomes.push(`${kind} ${outcome}`) },
    );
    const draining = runner.drain();
    await jobStarted;
    const stopping = runner.stop();
    release();
    await stopping;
    expect(await draining).toBe(1);
    expect(ran).toEqual(['{"n":1}']);
    expect(outcomes).toEqual(['test.slow done']);
    const rows = await t.db
      .select({ id: jobs.id, status: jobs.status })
      .from(jobs)
      .where(inArray(jobs.id, [first, second]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [first]: 'done', [second]: 'queued' });
    expect(await runner.drain()).toBe(0);
    await t.db.delete(jobs).where(eq(jobs.id, second));
  });

  it('retries a failing job later, and marks it failed after its last attempt', async () => {
    const id = await enqueueJob(t.db, 'test.fail', {}, { maxAttempts: 2 });
    const runner = startJobRunner(t.db, { 'test.fail': () => Promise.reject(new Error('SMTP svarte ikke')) }, { autoStart: false });
    expect(await runner.drain()).toBe(1);
    let [job] = await t.db.select().from(jobs).where(eq(jobs.id, id));
    expect(job).toMatchObject({ status: 'queued', attempts: 1, lastError: 'SMTP svarte ikke' });
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now());
    await t.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.id, id));
    expect(await runner.drain()).toBe(1);
    [job] = await t.db.select().from(jobs).where(eq(jobs.id, id));
    expect(job).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await runner.drain()).toBe(0);
    await runner.stop();
  });
});
