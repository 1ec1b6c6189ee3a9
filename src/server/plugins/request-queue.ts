import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from '../errors.ts';
import { isApiRequest } from './auth.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route answers at once and never waits its turn: health and readiness (a load balancer sees the process as
     * it is), and reads that wait on something besides this process and its database (file storage, which may be
     * S3; a remote identity provider), which must not hold a place while they wait.
     */
    unqueued?: boolean;
  }
}

export interface RequestQueueLimits {
  /** API reads worked on at once. */
  active: number;
  /** API reads that may wait for a turn; the next one is refused with 503. */
  waiting: number;
  /** How long a read may wait for its turn before it is refused with 503. */
  waitMs: number;
}

/** What the queue holds now and has refused since start, for the metrics. */
export interface RequestQueue {
  active: () => number;
  waiting: () => number;
  refused: () => number;
}

const READS = new Set(['GET', 'HEAD']);

interface Turn {
  goOn: HookHandlerDoneFunction;
  reply: FastifyReply;
  since: number;
}

/**
 * Works on at most `limits.active` API reads at once; the others wait their turn in order of arrival (issue 18,
 * decision 0017). Left alone, fifty reads at once all share the two cores and the database, and one that reads the
 * database three times queues for it three times; the slowest then take several times as long as the rest. In turn,
 * each waits about as long as the others and is then answered at full speed.
 *
 * A read keeps its place until its answer is handed over (onSend), also when its client has gone away meanwhile (its
 * handler goes on); a slow download holds none. A client that goes away while waiting gives up its turn, and a read
 * that has waited `waitMs` is refused, so that reads behind places that do not come free (a lock held) fail rather
 * than hang. Only GET and HEAD of the API's routes take turns. Writes are few and may wait on other things (a row
 * another transaction holds, the spreadsheet readers with their own queue, a remote OParl source), which must not
 * hold the reads up; the web client's files cost nothing to send; routes marked `unqueued` answer at once.
 */
export function registerRequestQueue(app: FastifyInstance, limits: RequestQueueLimits): RequestQueue {
  const working = new WeakSet<FastifyRequest>();
  /** The reads waiting, in order of arrival: a Map keeps that order and lets one that went away out at once. */
  const line = new Map<FastifyRequest, Turn>();
  let active = 0;
  let refused = 0;

  const refuse = (reply: FastifyReply, done: HookHandlerDoneFunction) => {
    refused++;
    reply.header('retry-after', '1');
    done(new AppError('unavailable'));
  };

  const admitNext = () => {
    for (const [request, turn] of line) {
      if (active >= limits.active) return;
      line.delete(request);
      active++;
      working.add(request);
      // Not from inside the answering request's hook: the next one runs on a turn of its own.
      setImmediate(turn.goOn);
    }
  };

  const release = (request: FastifyRequest) => {
    if (!working.delete(request)) return;
    active--;
    admitNext();
  };

  const tooLong = setInterval(
    () => {
      const since = performance.now() - limits.waitMs;
      for (const [request, turn] of line) {
        if (turn.since > since) return;
        line.delete(request);
        refuse(turn.reply, turn.goOn);
      }
    },
    Math.min(1000, limits.waitMs),
  ).unref();
  app.addHook('onClose', async () => clearInterval(tooLong));

  app.addHook('onRequest', (request, reply, done) => {
    if (!READS.has(request.method) || !isApiRequest(request) || request.routeOptions.config.unqueued === true) return done();
    const admitted = active < limits.active;
    if (admitted) {
      active++;
      working.add(request);
    } else if (line.size >= limits.waiting) return refuse(reply, done);
    else line.set(request, { goOn: done, reply, since: performance.now() });
    reply.raw.once('close', () => {
      // An answer taken over from Fastify (hijacked) never passes onSend: its place is given up when it ends.
      if (!line.delete(request) && reply.sent) release(request);
    });
    if (admitted) done();
  });
  app.addHook('onSend', (request, _reply, payload, done) => {
    release(request);
    done(null, payload);
  });
  return { active: () => active, waiting: () => line.size, refused: () => refused };
}
