import { ERROR_STATUS, type ErrorCode } from '../shared/errors.ts';
import type { ValidationKey } from '../shared/i18n/server-messages.ts';
import type { ReaderLimit } from '../shared/spreadsheets/limits.ts';

export interface FieldProblem {
  key: ValidationKey;
  values?: Record<string, string | number>;
}

/** The only error a service throws on purpose. The error handler turns it into the one error shape. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, FieldProblem>,
    /** The rows of an uploaded file that are wrong (see rowProblems). */
    readonly problems?: RowProblem[],
    /** The limit a file went beyond: the answer names it, and its message says it in the caller's language. */
    readonly limit?: ErrorLimit,
  ) {
    super(code);
    this.status = problems ? 422 : ERROR_STATUS[code];
  }
}

/** A limit an uploaded file went beyond, and what the file had where that is known. */
export interface ErrorLimit {
  name: ReaderLimit;
  max: number;
  actual?: number;
}

/** One bad row (and column) of an uploaded spreadsheet, with the reason in words. */
export interface RowProblem {
  sheet: string;
  row: number;
  column: string | null;
  message: string;
}

export const unauthenticated = () => new AppError('unauthenticated');
export const forbidden = () => new AppError('forbidden');
/** Also the answer for a record outside the caller's reach: existence is not leaked. */
export const notFound = () => new AppError('not_found');
export const staleVersion = () => new AppError('stale_version');
export const conflict = () => new AppError('conflict');
/** Removing this would leave something that depends on it dangling. */
export const inUse = () => new AppError('in_use');
/**
 * A well-formed file whose rows are wrong: 422 validation_failed with every bad row in `problems`
 * (a request that is itself malformed stays 400).
 */
export const rowProblems = (problems: RowProblem[]) => new AppError('validation_failed', undefined, problems);
export const invalidField = (field: string, key: ValidationKey, values?: Record<string, string | number>) =>
  new AppError('validation_failed', { [field]: { key, values } });
