import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { FieldProblem } from '../errors.ts';
import { SERVER_MESSAGES, type ValidationKey } from '../../shared/i18n/server-messages.ts';

/** Raised when a request's params, query or body do not match its zod schema. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly issues: z.core.$ZodIssue[],
    /** The request part as it came, so a field that is missing is told from one of the wrong type. */
    readonly data?: unknown,
  ) {
    super('validation_failed');
  }
}

/**
 * Validates with zod and keeps every issue, so the error names each bad field. What no schema should have to say
 * is checked first, for every route alike: text no database can store, and nesting deeper than any request needs.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const unfit = unstorableInput(data);
    // Deep nesting is not handed to zod at all: its recursion is what the limit protects.
    if (unfit.some((issue) => issue.message === 'nesting')) return { error: new RequestValidationError(unfit, data) };
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success && unfit.length === 0) return { value: result.data };
    const issues = [...unfit, ...(result.success ? [] : result.error.issues)];
    return { error: new RequestValidationError(issues, data) };
  };

/** Deeper than any request needs (a survey definition, the deepest, has six levels), and shallow enough for any recursion. */
export const MAX_INPUT_DEPTH = 32;
/** Enough to name what is wrong; a body full of bad strings is not walked to its end. */
const MAX_INPUT_ISSUES = 50;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text no database can store as sent: NUL (PostgreSQL refuses it in text and JSON) and a lone UTF-16 surrogate
 * (it has no UTF-8 form, so the driver would store U+FFFD in its place).
 */
export function hasUnstorableCharacters(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * The strings (values and keys) of a request part that no database can store, and anything nested deeper than
 * MAX_INPUT_DEPTH, as issues on their paths. Walked with a stack of its own, so no input can overflow the call stack.
 */
export function unstorableInput(data: unknown): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const add = (path: PropertyKey[], message: 'characters' | 'nesting', input: unknown) =>
    issues.push({ code: 'custom', path, message, input });
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  while (pending.length > 0 && issues.length < MAX_INPUT_ISSUES) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (hasUnstorableCharacters(value)) add(path, 'characters', value);
      continue;
    }
    if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      // Named by the field it came in, not by a path of thirty-two levels.
      add(path.slice(0, 1), 'nesting', undefined);
      continue;
    }
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      // A bad key is named by the object that holds it: the key itself cannot be shown as it came.
      if (typeof key === 'string' && hasUnstorableCharacters(key)) add(path, 'characters', key);
      else pending.push({ value: child, path: [...path, key] });
    }
  }
  return issues;
}

const validationKeys = new Set(Object.keys(SERVER_MESSAGES.nb.validation));
const isValidationKey = (message: string): message is ValidationKey => validationKeys.has(message);

/**
 * Turns zod issues into one problem per field (the first problem found for a field wins). A field the request left
 * out is «required» whatever the schema made of it: a coerced query value that is missing reaches zod as NaN.
 */
export function fieldProblems(issues: z.core.$ZodIssue[], data?: unknown): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    const missing = issue.code === 'invalid_type' && data !== undefined && valueAt(data, issue.path) === undefined;
    fields[path] ??= missing ? { key: 'required' } : problemOf(issue);
  }
  return fields;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
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
