import { eq, inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { queryRows, type Db, type DbOrTx } from '../../db/client.ts';
import { jobs } from '../../db/schema/index.ts';

/**
 * Runs one job; `log` (given by the runner, not by tests that call a handler directly) carries the job's id and kind
 * on every line, and `job` names the job being run.
 */
export type JobHandler = (payload: unknown, db: Db, log?: FastifyBaseLogger, job?: { id: string }) => Promise<void>;

/**
 * Queues a job. Pass the transaction that makes the change the job follows from, so a rolled-back
 * change never sends its e-mail.
 */
export async function enqueueJob(db: DbOrTx, kind: string, payload: unknown, options: { runAt?: Date; maxAttempts?: number } = {}) {
  const [row] = await db
    .insert(jobs)
    .values({ kind, payload, runAt: options.runAt ?? new Date(), maxAttempts: options.maxAttempts ?? 5 })
    .returning({ id: jobs.id });
  return row!.id;
}

const LOCK_SECONDS = 300;

/**
 * Takes the next due job, or one whose runner died (its lock ran out), and locks it.
 * SKIP LOCKED lets several instances poll the same table without taking the same job.
 */
export async function claimNextJob(db: Db) {
  const rows = await queryRows<{ id: string; kind: string; payload: unknown; attempts: number; max_attempts: number }>(
    db,
    sql`
    update ${jobs} set status = 'running', attempts = attempts + 1,
      locked_until = now() + make_interval(secs => ${LOCK_SECONDS})
    where id = (
      select id from ${jobs}
      where (status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now())
      order by run_at limit 1 for update skip locked)
    returning id, kind, payload, attempts, max_attempts`,
  );
  const row = rows[0];
  return row ? { id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts } : null;
}

export async function completeJob(db: Db, id: string) {
  await db.update(jobs).set({ status: 'done', finishedAt: new Date(), lockedUntil: null, lastError: null }).where(eq(jobs.id, id));
}

/** A failed job is retried later with exponential back-off, until it has used its attempts. */
export async function failJob(db: Db, job: { id: string; attempts: number; maxAttempts: number }, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const finalFailure = job.attempts >= job.maxAttempts;
  await db
    .update(jobs)
    .set({
      status: finalFailure ? 'failed' : 'queued',
      lastError: message.slice(0, 2000),
      lockedUntil: null,
      runAt: new Date(Date.now() + Math.min(3600, 2 ** job.attempts * 5) * 1000),
      finishedAt: finalFailure ? new Date() : null,
    })
    .where(eq(jobs.id, job.id));
}

/** States a job waits or ends in, besides done (which only grows). */
export const OPEN_JOB_STATES = ['queued', 'running', 'failed'] as const;

/** How many jobs of each kind are queued, running or failed for good: the queue's depth, for monitoring. */
export async function countJobsByState(db: Db): Promise<{ kind: string; state: string; count: number }[]> {
  return db
    .select({ kind: jobs.kind, state: jobs.status, count: sql<number>`count(*)::int` })
    .from(jobs)
    .where(inArray(jobs.status, [...OPEN_JOB_STATES]))
    .groupBy(jobs.kind, jobs.status);
}
