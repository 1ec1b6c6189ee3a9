import type { ReactNode } from 'react';
import type { z } from 'zod';
import { Button } from '@digdir/designsystemet-react';
import { api } from './api.ts';
import { FormMessages, SubmitButton, type FieldErrors, type FormState } from './forms.tsx';
import { useI18n } from './i18n/index.tsx';
import { ButtonRow } from './ui.tsx';

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

/**
 * A create-or-update form: the messages at the top (field errors linked, a failure with «load again» for a stale
 * version), the fields, and the save and cancel buttons.
 */
export function SaveForm<C, U, R>({
  form,
  save,
  submitLabel,
  onCancel,
  onReload,
  children,
}: {
  form: FormState;
  save: SaveOptions<C, U, R>;
  submitLabel: string;
  onCancel?: () => void;
  onReload?: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submitSave(form, save);
      }}
    >
      <FormMessages form={form} onReload={onReload} />
      {children}
      <FormButtons form={form} label={submitLabel} onCancel={onCancel} />
    </form>
  );
}

/** Save, and cancel where the form is in a dialog. */
export function FormButtons({ form, label, onCancel }: { form: FormState; label: string; onCancel?: () => void }) {
  const { m } = useI18n();
  return (
    <ButtonRow>
      <SubmitButton form={form}>{label}</SubmitButton>
      {onCancel && (
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      )}
    </ButtonRow>
  );
}
