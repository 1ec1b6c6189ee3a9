/**
 * The one error shape every failing API call answers with, and the table of all error codes.
 * Programs read `code`; people read `message`, in the caller's language.
 */
export const ERROR_STATUS = {
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  validation_failed: 400,
  conflict: 409,
  in_use: 409,
  stale_version: 409,
  locked: 423,
  invalid_state: 409,
  /** The agenda's order is fixed once the summons is out; it changes only by an amended agenda (endret saksliste). */
  agenda_fixed: 409,
  /** A single-use personal link (invitation, password reset) that has been used or has run out. */
  link_used: 410,
  rate_limited: 429,
  /** The request's body is larger than the route takes, or an uploaded file beyond a size limit (named in `limit`). */
  too_large: 413,
  /** The body is of a type the route does not take: declared (Content-Type) or found in its bytes (uploads). */
  unsupported_media_type: 415,
  oidc_failed: 502,
  internal_error: 500,
  /** Not ready: the database does not answer, migrations are not done, or the instance is shutting down. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field path (dot-separated) → message naming the field. On validation_failed, and on unsupported_media_type for an upload. */
    fields?: Record<string, string>;
    /**
     * Only on validation_failed with status 422: every bad row of an uploaded spreadsheet
     * (sheet, row number as the spreadsheet shows it, column heading or null, message).
     */
    problems?: { sheet: string; row: number; column: string | null; message: string }[];
    /**
     * The limit an uploaded file went beyond (413 too_large, or 422 with the place in `problems`), as in
     * `src/shared/spreadsheets/limits.ts`; `message` names it in words.
     */
    limit?: { name: string; max: number };
    requestId: string;
  };
}

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
