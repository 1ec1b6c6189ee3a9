import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '../../shared/errors.ts';
import { fieldLabel, formatMessage, SERVER_MESSAGES } from '../../shared/i18n/server-messages.ts';
import { languageFromHeader, type Language } from '../../shared/i18n/languages.ts';
import { limitMessage } from '../../shared/spreadsheets/limits.ts';
import { AppError, type ErrorLimit, type FieldProblem, type RowProblem } from '../errors.ts';
import { fieldProblems, RequestValidationError } from './validation.ts';

/** One handler turns every failure into the one error shape, in the caller's language. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error.code, error.fields, error.problems, error.limit);
    if (error instanceof RequestValidationError) {
      return sendError(request, reply, 'validation_failed', fieldProblems(error.issues, error.data));
    }
    if (error.statusCode === 429) return sendError(request, reply, 'rate_limited');
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(request, reply, 'too_large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(request, reply, 'unsupported_media_type');
    if (error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP')) {
      return sendError(request, reply, 'validation_failed', { _: { key: 'invalid' } });
    }
    if (error.statusCode === 400 && error instanceof SyntaxError) {
      return sendError(request, reply, 'validation_failed', { _: { key: 'format' } });
    }
    if (error.statusCode === 404) return sendError(request, reply, 'not_found');
    if (error.statusCode === 409 && error.code === '23505') return sendError(request, reply, 'conflict');
    if ((error as { code?: string }).code === '23505') return sendError(request, reply, 'conflict');
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'internal_error');
  });
}

/**
 * Failures before a request reaches a route (Fastify's frameworkErrors): a path that is no valid percent-encoded
 * UTF-8, or a path parameter longer than the router takes. Both are the caller's, in the one error shape.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendError(request, reply, 'validation_failed', { url: { key: 'invalid' } });
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void sendError(request, reply, 'internal_error');
}

export function requestLanguage(request: FastifyRequest): Language {
  return request.ctx?.language ?? languageFromHeader(request.headers['accept-language']);
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  fields?: Record<string, FieldProblem>,
  problems?: RowProblem[],
  limit?: ErrorLimit,
): FastifyReply {
  const language = requestLanguage(request);
  const messages = SERVER_MESSAGES[language];
  const body: ApiErrorBody = { error: { code, message: messages.errors[code], requestId: request.id } };
  if (limit) {
    body.error.message = limitMessage(limit.name, language, limit.actual);
    body.error.limit = { name: limit.name, max: limit.max };
  }
  if (fields) {
    // Labels may be scoped to a module by its tag: a person's «network:title» is «Stilling», elsewhere «Tittel».
    const scopes = (request.routeOptions.schema?.tags as string[] | undefined) ?? [];
    body.error.fields = Object.fromEntries(
      Object.entries(fields).map(([path, problem]) => [
        path,
        formatMessage(messages.validation[problem.key], { field: fieldLabel(language, path, scopes), ...problem.values }),
      ]),
    );
  }
  if (problems) body.error.problems = problems;
  return reply
    .status(problems ? 422 : ERROR_STATUS[code])
    .type('application/json')
    .send(body);
}
