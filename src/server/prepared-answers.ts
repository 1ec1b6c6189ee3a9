import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stampedCache } from './db/change-counters.ts';

/**
 * The most read large answers (the mapping dashboards, the portfolio overview, the benefits roll-up) are kept as
 * JSON text and gzip beside the object, so a repeated request costs neither a query nor serializing nor compressing.
 */

const gzipAsync = promisify(gzip);

/**
 * An answer as the object (for exports and presenters) and as JSON text, plain and gzip. The first gzip is made at
 * the fastest level, so the first answer after a change waits a few milliseconds for it instead of tens (decision
 * 0016: 344 KB of landscape, 2 ms at level 1 against 23–49 ms at the default); the default level's smaller gzip is
 * made after, off the request's path, and replaces it for the requests that follow.
 */
export interface Prepared<T> {
  data: T;
  json: string;
  gzip: Buffer;
}

/** A bounded cache of prepared answers, each valid for the change stamp it was built under (change-counters.ts). */
export function preparedCache(maxEntries: number) {
  const answers = stampedCache<Prepared<unknown>>(maxEntries);
  return async <T>(key: string, stamp: string, build: () => Promise<T>): Promise<Prepared<T>> => {
    const answer = await answers(key, stamp, async () => {
      const data = await build();
      const json = JSON.stringify(data);
      const prepared: Prepared<unknown> = { data, json, gzip: await gzipAsync(json, { level: constants.Z_BEST_SPEED }) };
      // If the smaller one fails, the fast one stays: the answer is as good.
      gzipAsync(json).then(
        (smaller) => (prepared.gzip = smaller),
        () => undefined,
      );
      return prepared;
    });
    return answer as Prepared<T>;
  };
}

/**
 * Sends a prepared answer: gzip to a client that accepts it, else the JSON text, which Fastify passes through
 * unserialized. The route's response schema documents the shape; the tests check it.
 */
export function sendPrepared(req: FastifyRequest, reply: FastifyReply, answer: Prepared<unknown>) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(answer.gzip);
  return reply.send(answer.json);
}
