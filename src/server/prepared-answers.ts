import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stampedCache } from './db/change-counters.ts';

/**
 * The most read large answers (the mapping dashboards, the portfolio overview, the benefits roll-up) are kept as
 * JSON text and gzip beside the object, so a repeated request costs neither a query nor serializing nor compressing.
 * The text is kept as its UTF-8 bytes: a string is encoded anew at every write to a socket, which for the network
 * overview's 92 kB cost half of each request's time in the server (bench/README «Prepared answers as bytes»).
 */

const gzipAsync = promisify(gzip);

/** An answer kept as JSON text (UTF-8), plain and gzip. */
export interface PreparedJson {
  json: Buffer;
  gzip: Buffer;
}

/**
 * An answer as the object (for exports and presenters) and as JSON text, plain and gzip. The first gzip is made at
 * the fastest level, so the first answer after a change waits a few milliseconds for it instead of tens (decision
 * 0016: 344 KB of landscape, 2 ms at level 1 against 23–49 ms at the default); the default level's smaller gzip is
 * made after, off the request's path, and replaces it for the requests that follow, once the answer has stood for
 * SMALLER_GZIP_AFTER_MS: an answer a write replaces before then costs no second compression (under steady writes,
 * most of them; a core's tens of milliseconds each).
 */
export interface Prepared<T> extends PreparedJson {
  data: T;
}

export const SMALLER_GZIP_AFTER_MS = 1000;

/** A bounded cache of prepared answers, each valid for the change stamp it was built under (change-counters.ts). */
export function preparedCache(maxEntries: number, smallerGzipAfterMs = SMALLER_GZIP_AFTER_MS) {
  const answers = compressedCache<{ data: unknown; json: Buffer }>(maxEntries, smallerGzipAfterMs);
  return async <T>(key: string, stamp: string, build: () => Promise<T>): Promise<Prepared<T>> => {
    const answer = await answers(key, stamp, async () => {
      const data = await build();
      return { data, json: jsonBytes(data) };
    });
    return answer as Prepared<T>;
  };
}

/**
 * The same, kept as JSON text and gzip alone: for answers so many and large that their objects would cost more
 * memory than their text (OParl's list pages, one per URL a crawler reads).
 */
export function preparedJsonCache(maxEntries: number, smallerGzipAfterMs = SMALLER_GZIP_AFTER_MS) {
  const answers = compressedCache<{ json: Buffer }>(maxEntries, smallerGzipAfterMs);
  return (key: string, stamp: string, build: () => Promise<unknown>): Promise<PreparedJson> =>
    answers(key, stamp, async () => ({ json: jsonBytes(await build()) }));
}

/** The JSON text's UTF-8 bytes in a buffer of their own: one cut from Node's shared pool would keep its 8 kB alive. */
function jsonBytes(data: unknown): Buffer {
  const text = JSON.stringify(data);
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/** The stamped cache under both: each answer's fastest gzip at once, its smaller one once it has stood. */
function compressedCache<A extends { json: Buffer }>(maxEntries: number, smallerGzipAfterMs: number) {
  const answers = stampedCache<A & { gzip: Buffer }>(maxEntries);
  // The build of each key started last: only its answer, the one kept, gets the smaller gzip (an older build may end
  // after it).
  const newest = new Map<string, number>();
  let builds = 0;
  return (key: string, stamp: string, build: () => Promise<A>) =>
    answers(key, stamp, async () => {
      const started = ++builds;
      newest.set(key, started);
      const built = await build().catch((error: unknown) => {
        if (newest.get(key) === started) newest.delete(key);
        throw error;
      });
      const answer = Object.assign(built, { gzip: await gzipAsync(built.json, { level: constants.Z_BEST_SPEED }) });
      setTimeout(() => {
        if (newest.get(key) !== started) return;
        newest.delete(key);
        // If the smaller one fails, the fast one stays: the answer is as good.
        gzipAsync(answer.json).then(
          (smaller) => (answer.gzip = smaller),
          () => undefined,
        );
      }, smallerGzipAfterMs).unref();
      return answer;
    });
}

/**
 * Sends a prepared answer: gzip to a client that accepts it, else the JSON text, which Fastify passes through as
 * bytes. The route's response schema documents the shape; the tests check it.
 */
export function sendPrepared(req: FastifyRequest, reply: FastifyReply, answer: PreparedJson) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(answer.gzip);
  return reply.send(answer.json);
}
