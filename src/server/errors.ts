import { ERROR_STATUS, type ErrorCode } from '../shared/errors.ts';
import type { ValidationKey } from '../shared/i18n/server-messages.ts';

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
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

export const unauthenticated = () => new AppError('unauthenticated');
export const forbidden = () => new AppError('forbidden');
/** Also the answer for a record outside the caller's reach: existence is not leaked. */
export const notFound = () => new AppError('not_found');
export const staleVersion = () => new AppError('stale_version');
export const conflict = () => new AppError('conflict');
/** Removing this would leave something that depends on it dangling. */
export const inUse = () => new AppError('in_use');
export const invalidField = (field: string, key: ValidationKey, values?: Record<string, string | number>) =>
  new AppError('validation_failed', { [field]: { key, values } });
