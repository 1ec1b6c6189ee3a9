import type { FormEvent, ReactNode } from 'react';
import { FormMessages, type FormState } from './forms.tsx';
import { FormButtons } from './kit.tsx';

/**
 * A form that is not a plain create-or-update (a PUT of a whole record, a POST that only adds): the same messages,
 * fields and buttons as SaveForm, with the caller's own submit (usually `form.submit({ … })`).
 */
export function SubmitForm({
  form,
  onSubmit,
  submitLabel,
  onCancel,
  onReload,
  children,
}: {
  form: FormState;
  onSubmit: () => Promise<unknown>;
  submitLabel: string;
  onCancel?: () => void;
  onReload?: () => void;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit();
  };
  return (
    <form className="dr-form" noValidate onSubmit={submit}>
      <FormMessages form={form} onReload={onReload} />
      {children}
      <FormButtons form={form} label={submitLabel} onCancel={onCancel} />
    </form>
  );
}
