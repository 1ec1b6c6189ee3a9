import type { z } from 'zod';
import { api } from './api.ts';
import type { FieldErrors, FormState } from './forms.tsx';

/**
 * The kit the features build their pages from. A create-or-update form is one pair of shared zod schemas: a new
 * record is POSTed under the create schema, an existing one PATCHed under the update schema with the version it was
 * loaded with (the server answers 409 when someone else changed it meanwhile).
 */
export interface SaveOptions<C, U, R> {
  /** The record being changed; null or undefined for a new one. */
  item: { version: number } | null | undefined;
  create: { schema: z.ZodType<C>; path: string };
  update: { schema: z.ZodType<U>; path: string; method?: 'PATCH' | 'PUT' };
  /** The fields as the schemas read them, without the version. */
  input: Record<string, unknown>;
  labels: Record<string, string>;
  check?: (data: C | U) => FieldErrors;
  /** The saved record; a returned string is announced as success. */
  done: (saved: R) => string | void;
}

/** Sends the form as a new record (POST) or as a change of `item` (PATCH with its version). */
export function submitSave<C, U, R>(form: FormState, o: SaveOptions<C, U, R>): Promise<boolean> {
  const common = { labels: o.labels, done: o.done, check: o.check };
  if (o.item) {
    return form.submit<U, R>({
      ...common,
      schema: o.update.schema,
      input: { ...o.input, version: o.item.version },
      send: (body) => api<R>(o.update.path, { method: o.update.method ?? 'PATCH', body }),
    });
  }
  return form.submit<C, R>({
    ...common,
    schema: o.create.schema,
    input: o.input,
    send: (body) => api<R>(o.create.path, { method: 'POST', body }),
  });
}
