import type { FastifyInstance, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers at once and never waits its turn (health and readiness: a load balancer sees the process as it is). */
    unqueued?: boolean;
  }
}

export interface RequestQueueLimits {
  /** API reads worked on at once. */
  active: number;
  /** API reads that may wait for a turn; the next one is refused with 503. */
  waiting: number;
}

/** What the queue holds now and has refused since start, for the metrics. */
export interface RequestQueue {
  active: () => number;
  waiting: () => number;
  refused: () => number;
}

const READS = new Set(['GET', 'HEAD']);

/**
 * Works on at most `limits.active` API reads at once; the others wait their turn in order of arrival (issue 18,
 * decision 0017). Left alone, fifty reads at once all share the two cores and the database, and one that reads the
 * database three times queues for it three times; the slowest then take several times as long as the rest. In turn,
 * each waits about as long as the others and is then answered at full speed, and the memory of answers half built
 * stays bounded.
 *
 * A read gives its place up when its answer is handed over (onSend), so a slow download holds none; a client that
 * goes away gives up its place or its turn. Only GET and HEAD under /api/ take turns. Writes are few and may wait on
 * other things (a row another transaction holds, the spreadsheet readers with their own queue, a remote OParl
 * source), which must not hold the reads up; the web client's files cost nothing to send; routes marked `unqueued`
 * (health, readiness) answer at once.
 */
export function registerRequestQueue(app: FastifyInstance, limits: RequestQueueLimits): RequestQueue {
  const working = new WeakSet<FastifyRequest>();
  /** Each waiting request's way on; a request that went away is no longer here and is passed over in `line`. */
  const turns = new WeakMap<FastifyRequest, HookHandlerDoneFunction>();
  const line: FastifyRequest[] = [];
  let active = 0;
  let waiting = 0;
  let refused = 0;

  const admitNext = () => {
    while (active < limits.active && line.length > 0) {
      const request = line.shift()!;
      const goOn = turns.get(request);
      if (!goOn) continue;
      turns.delete(request);
      waiting--;
      active++;
      working.add(request);
      // Not from inside the answering request's hook: the next one runs on a turn of its own.
      setImmediate(goOn);
    }
  };

  const leave = (request: FastifyRequest) => {
    if (working.delete(request)) {
      active--;
      admitNext();
    } else if (turns.delete(request)) waiting--;
  };

  app.addHook('onRequest', (request, reply, done) => {
    if (!READS.has(request.method) || !request.url.startsWith('/api/') || request.routeOptions.config.unqueued === true) return done();
    if (active < limits.active) {
      active++;
      working.add(request);
    } else if (waiting >= limits.waiting) {
      refused++;
      reply.header('retry-after', '1');
      return done(new AppError('unavailable'));
    } else {
      waiting++;
      turns.set(request, done);
      line.push(request);
    }
    reply.raw.once('close', () => leave(request));
    if (working.has(request)) done();
  });
  app.addHook('onSend', (request, _reply, payload, done) => {
    leave(request);
    done(null, payload);
  });
  return { active: () => active, waiting: () => waiting, refused: () => refused };
}
