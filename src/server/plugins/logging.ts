import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { redactPersonalLinks } from '../../shared/personal-links.ts';
import { peerIsTrustedProxy, type TrustProxy } from '../trust-proxy.ts';
import { sendError } from './error-handler.ts';

export const REQUEST_ID_HEADER = 'x-request-id';
/** An id a proxy may hand on: short, and nothing that could break a log line or a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Where log lines go instead of standard output (the tests read them). */
export interface LogDestination {
  write(line: string): void;
}

/** Header values that are credentials, wherever a log line carries headers. */
const REDACTED_PATHS = [
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'headers["set-cookie"]',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["x-csrf-token"]',
  '*.headers["set-cookie"]',
];

/**
 * Fastify's logger (pino): JSON lines with the request id on each line of a request, credentials redacted, and
 * the token of every personal link hidden wherever a line carries one: the request's address (/api/links/…,
 * /forfall/… and the other link pages), an error message, a job's payload.
 */
export function loggerOptions(level: string, destination?: LogDestination): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: { streamWrite: (line: string) => redactPersonalLinks(line, '[redacted]') },
    ...(destination ? { stream: destination } : {}),
  };
}

/**
 * Each request's id: the one a trusted proxy in front gave it (so one id follows the request through
 * the proxy's log and ours), when it is a sane token; otherwise a new UUID.
 */
export function requestIdGenerator(trustProxy: TrustProxy): (request: IncomingMessage) => string {
  const trusted = peerIsTrustedProxy(trustProxy);
  return (request) => {
    const given = request.headers[REQUEST_ID_HEADER];
    if (typeof given === 'string' && SANE_REQUEST_ID.test(given) && trusted(request.socket.remoteAddress)) return given;
    return randomUUID();
  };
}

/** Whether the instance is stopping; set when closing begins, read by readiness and by every new request. */
export interface Lifecycle {
  shuttingDown: boolean;
}

/**
 * Every answer carries its request id in X-Request-Id. Once the instance is stopping, a request that
 * arrives on a connection still open gets 503 and the connection is closed; requests already in
 * flight carry on.
 */
export function registerRequestLifecycle(app: FastifyInstance, lifecycle: Lifecycle): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    if (lifecycle.shuttingDown) return sendError(request, reply, 'unavailable');
  });
  // The answers to requests in flight close their connection too, so a kept-alive one does not hold the stop up.
  app.addHook('onSend', async (_request, reply) => {
    if (lifecycle.shuttingDown) reply.header('connection', 'close');
  });
  app.addHook('preClose', async () => {
    lifecycle.shuttingDown = true;
  });
}
