import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { claimNextJob, completeJob, failJob, type JobHandler } from './queue.ts';

export interface JobRunner {
  /** Runs every due job now; returns how many ran. Used by tests and at shutdown-free moments. */
  drain(): Promise<number>;
  /** Lets the job that is running finish, and claims no further one. */
  stop(): Promise<void>;
}

export type JobOutcome = 'done' | 'failed';

/** For a runner started without a logger. */
const silentLog: FastifyBaseLogger = {
  level: 'silent',
  fatal: () => undefined,
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  trace: () => undefined,
  silent: () => undefined,
  child: () => silentLog,
};

/**
 * Polls the jobs table and runs each job with the handler registered for its kind.
 * Jobs live in the database, so a restart loses none: a job left running by a stopped process
 * is taken up again when its lock runs out.
 */
export function startJobRunner(
  db: Db,
  handlers: Record<string, JobHandler>,
  options: {
    pollMs?: number;
    log?: FastifyBaseLogger;
    autoStart?: boolean;
    /** Told of every job run (for the metrics). */
    onFinished?: (kind: string, outcome: JobOutcome) => void;
  } = {},
): JobRunner {
  const pollMs = options.pollMs ?? 2000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  async function runOne(): Promise<boolean> {
    const job = await claimNextJob(db);
    if (!job) return false;
    const handler = handlers[job.kind];
    const log = (options.log ?? silentLog).child({ jobId: job.id, kind: job.kind });
    const started = performance.now();
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job.payload, db, log, { id: job.id });
      await completeJob(db, job.id);
      log.info({ attempt: job.attempts, durationMs: Math.round(performance.now() - started) }, 'job done');
      options.onFinished?.(job.kind, 'done');
    } catch (error) {
      log.warn({ err: error, attempt: job.attempts }, 'job failed');
      await failJob(db, job, error);
      options.onFinished?.(job.kind, 'failed');
    }
    return true;
  }

  async function drainNow(): Promise<number> {
    let count = 0;
    while (!stopped && (await runOne())) count++;
    return count;
  }

  function drain(): Promise<number> {
    running = running.then(drainNow, drainNow);
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      drain()
        .catch((error: unknown) => options.log?.error({ err: error }, 'job runner failed'))
        .finally(schedule);
    }, pollMs);
  }
  if (options.autoStart !== false) schedule();

  return {
    drain,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
