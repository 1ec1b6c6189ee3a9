import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { FieldProblem } from '../errors.ts';
import { SERVER_MESSAGES, type ValidationKey } from '../../shared/i18n/server-messages.ts';

/** Raised when a request's params, query or body do not match its zod schema. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('validation_failed');
  }
}

/** Validates with zod and keeps every issue, so the error names each bad field. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues) };
  };

const validationKeys = new Set(Object.keys(SERVER_MESSAGES.nb.validation));
const isValidationKey = (message: string): message is ValidationKey => validationKeys.has(message);

/** Turns zod issues into one problem per field (the first problem found for a field wins). */
export function fieldProblems(issues: z.core.$ZodIssue[]): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= problemOf(issue);
  }
  return fields;
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) return { key: 'required' };
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { key: 'required' } : { key: 'tooShort', values: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'required' };
      return { key: 'tooSmall', values: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return issue.origin === 'string' ? { key: 'tooLong', values: { max } } : { key: 'tooBig', values: { max } };
    }
    default:
      break;
  }
  if (isValidationKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'email' : issue.format === 'date' ? 'date' : 'format' };
    case 'invalid_value':
      return { key: 'choice' };
    case 'invalid_type':
      return { key: 'type' };
    default:
      return { key: 'invalid' };
  }
}
