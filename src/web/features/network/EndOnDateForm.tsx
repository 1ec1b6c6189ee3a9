import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../app/api.ts';
import { fieldMessage, TextField, useForm } from '../../app/forms.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { todayIso } from '../../app/ui.tsx';

/**
 * Ends a membership (a municipality's in the network, a person's in a body) on a date, today unless changed: the row
 * stays as history. The schema lets the end date be empty, as an edit may clear it; here it is required.
 */
export function EndOnDateForm<T, R>({
  name,
  label,
  submitLabel,
  schema,
  input,
  labels,
  path,
  onSaved,
  onReload,
}: {
  name: string;
  label: string;
  submitLabel: string;
  schema: z.ZodType<T>;
  /** The request's fields for the chosen date, with the version the row was loaded with. */
  input: (date: string) => Record<string, unknown>;
  /** Labels of the other fields the schema checks the date against. */
  labels: Record<string, string>;
  path: string;
  onSaved: (saved: R) => void;
  onReload: () => void;
}) {
  const { lang } = useI18n();
  const form = useForm();
  const [date, setDate] = useState(todayIso());
  return (
    <SubmitForm
      form={form}
      onReload={onReload}
      submitLabel={submitLabel}
      submit={{
        schema,
        input: input(date),
        labels: { ...labels, [name]: label },
        check: (data) => ((data as Record<string, unknown>)[name] ? {} : { [name]: fieldMessage(lang, 'required', label) }),
        send: (body) => api<R>(path, { method: 'PATCH', body }),
        done: onSaved,
      }}
    >
      <TextField state={form} name={name} label={label} type="date" value={date} onChange={setDate} required />
    </SubmitForm>
  );
}
