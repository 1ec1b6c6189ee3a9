import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stampedCache } from './db/change-counters.ts';

/**
 * The most read large answers (the mapping dashboards, the portfolio overview, the benefits roll-up) are kept as
 * JSON text and gzip beside the object, so a repeated request costs neither a query nor serializing nor compressing.
 */

const gzipAsync = promisify(gzip);

/**
 * An answer as the object (for exports and presenters) and as JSON text, plain and gzip. The gzip is made after the
 * answer is ready (on libuv's threads) and is `null` until then: the first answer after a change does not wait for
 * compressing hundreds of kilobytes (decision 0016); the requests after it get the gzip.
 */
export interface Prepared<T> {
  data: T;
  json: string;
  gzip: Buffer | null;
}

/** A bounded cache of prepared answers, each valid for the change stamp it was built under (change-counters.ts). */
export function preparedCache(maxEntries: number) {
  const answers = stampedCache<Prepared<unknown>>(maxEntries);
  return async <T>(key: string, stamp: string, build: () => Promise<T>): Promise<Prepared<T>> => {
    const answer = await answers(key, stamp, async () => {
      const data = await build();
      const json = JSON.stringify(data);
      const prepared: Prepared<unknown> = { data, json, gzip: null };
      // A failed compression leaves the plain JSON to be sent; the answer itself is good.
      gzipAsync(json).then(
        (compressed) => (prepared.gzip = compressed),
        () => undefined,
      );
      return prepared;
    });
    return answer as Prepared<T>;
  };
}

/**
 * Sends a prepared answer: gzip to a client that accepts it once the gzip is made, else the JSON text, which Fastify passes through
 * unserialized. The route's response schema documents the shape; the tests check it.
 */
export function sendPrepared(req: FastifyRequest, reply: FastifyReply, answer: Prepared<unknown>) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (answer.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? ''))
    return reply.header('content-encoding', 'gzip').send(answer.gzip);
  return reply.send(answer.json);
}
