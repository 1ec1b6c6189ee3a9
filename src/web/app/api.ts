import { useCallback, useEffect, useState } from 'react';
import type { ApiErrorBody, ErrorCode } from '../../shared/errors.ts';

type RowProblem = NonNullable<ApiErrorBody['error']['problems']>[number];

/** A failed API call, in the one error shape the server answers with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error',
    message: string,
    readonly fields: Record<string, string> = {},
    readonly requestId?: string,
    /** The bad rows of an uploaded spreadsheet (422); nothing was changed. */
    readonly problems: RowProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Any thrown value as an ApiError, for the failure alerts. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'internal_error', String(error));
}

let csrfToken: string | null = null;

/** The session's CSRF token, from /api/auth/me or the login answer; sent on every state-changing call. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const NETWORK_ERROR_MESSAGE = 'Network error / Nettverksfeil';

/**
 * Calls the API under /api and returns the parsed JSON, or throws an ApiError. `body` is sent as JSON; `file`
 * as the raw request body with its own content type (attachments, spreadsheets).
 */
export async function api<T>(
  path: string,
  options: { method?: Method; body?: unknown; file?: { data: Blob; contentType: string } } = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.file) headers['content-type'] = options.file.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ? options.file.data : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
  }
  const text = await response.text();
  const json: unknown = text ? safeParse(text) : null;
  if (!response.ok) {
    const body = json as Partial<ApiErrorBody> | null;
    const error = body?.error;
    if (error && typeof error.code === 'string') {
      throw new ApiError(response.status, error.code, error.message, error.fields ?? {}, error.requestId, error.problems ?? []);
    }
    throw new ApiError(response.status, 'internal_error', `HTTP ${response.status}`);
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** Fetches again; the current data stays on screen meanwhile. */
  reload: () => void;
  /** Replaces the data with a newer copy (for example the answer to a save). */
  setData: (data: T) => void;
}

/** Loads `path` (null: nothing to load) and reloads when it changes. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${tick} ${path}`;
  const [result, setResult] = useState<{ key: string | null; path: string | null; data: T | undefined; error: ApiError | null }>({
    key: null,
    path: null,
    data: undefined,
    error: null,
  });

  useEffect(() => {
    if (key === null || path === null) return;
    let live = true;
    api<T>(path).then(
      (data) => {
        if (live) setResult({ key, path, data, error: null });
      },
      (error: unknown) => {
        const apiError = asApiError(error);
        if (live) setResult((r) => ({ key, path, data: r.path === path ? r.data : undefined, error: apiError }));
      },
    );
    return () => {
      live = false;
    };
  }, [key, path]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((data: T) => setResult((r) => ({ ...r, data, error: null })), []);
  return {
    // The last answer for the same path stays on screen while a reload runs.
    data: path !== null && result.path === path ? result.data : undefined,
    error: key !== null && result.key === key ? result.error : null,
    loading: key !== null && result.key !== key,
    reload,
    setData,
  };
}
