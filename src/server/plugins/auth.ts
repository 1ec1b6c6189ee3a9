import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLanguage, languageFromHeader } from '../../shared/i18n/languages.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadSession, SESSION_COOKIE } from '../modules/auth/sessions.ts';
import { rememberChangeCounters } from '../db/change-counters.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without login (published data, login itself). */
    public?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext;
    sessionToken: string | null;
    sessionCsrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';
export const LANGUAGE_COOKIE = 'dr_lang';

/**
 * Builds the request context from the session cookie, and refuses a state-changing request made
 * with the cookie unless it carries the session's CSRF token in a header.
 */
export function registerAuthContext(app: FastifyInstance, db: Db): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionCsrfToken', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE] ?? null;
    const session = token && isApiRequest(request) ? await loadSession(db, token) : null;
    const cookieLanguage = request.cookies[LANGUAGE_COOKIE];
    request.sessionToken = session ? token : null;
    request.sessionCsrfToken = session?.csrfToken ?? null;
    request.ctx = {
      db,
      requestId: request.id,
      language:
        session?.user.language ?? (isLanguage(cookieLanguage) ? cookieLanguage : languageFromHeader(request.headers['accept-language'])),
      user: session?.user ?? null,
      roles: session?.roles ?? [],
      cache: new Map(),
      ip: request.ip,
      userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
    };
    if (session && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('csrf_failed');
    }
    if (session && SAFE_METHODS.has(request.method)) rememberChangeCounters(request.ctx, session.changeCounters);
    // Login comes before validation, so a bad request without a session answers 401, not 400.
    if (!request.ctx.user && isApiRequest(request) && request.routeOptions.config?.public !== true && request.is404 !== true) {
      throw new AppError('unauthenticated');
    }
  });
}

/**
 * Whether the request is the API's: by the route the router matched, not by the path as written, since `/%61pi/…`
 * and `http://host/api/…` reach the same route as `/api/…` and must be treated as it is; by the path where no route
 * matched (an unknown API path answers 404 in the caller's language).
 */
export function isApiRequest(request: FastifyRequest): boolean {
  return (request.routeOptions.url ?? request.url).startsWith('/api/');
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
