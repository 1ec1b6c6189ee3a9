import type { ReactNode } from 'react';
import { FormMessages, type FormState, type SubmitOptions } from './forms.tsx';
import { FormButtons } from './kit.tsx';

/**
 * A form that sends its own request (a login, a PUT of a whole record, a POST that only adds, a form whose saving the
 * caller does with `form.submit`), where `SaveForm`'s POST-or-PATCH of one record does not fit: what it is for, the
 * messages at the top (field errors linked, a failure with «load again» for a stale version), the fields, and the save
 * and cancel buttons where `submitLabel` is given (a form with buttons of its own leaves it out). `submit` is read
 * when the form is sent, so it may decide there which request to make.
 */
export function SubmitForm<T, R>({
  form,
  submit,
  submitLabel,
  onCancel,
  onReload,
  className = 'dr-form',
  intro,
  label,
  labelledBy,
  children,
}: {
  form: FormState;
  submit: SubmitOptions<T, R> | (() => unknown);
  submitLabel?: string;
  onCancel?: () => void;
  onReload?: () => void;
  className?: string;
  /** What the form is for, above its messages. */
  intro?: ReactNode;
  /** The form's accessible name, where a page has more than one form. */
  label?: string;
  /** Or the id of the heading that names it. */
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      noValidate
      aria-label={label}
      aria-labelledby={labelledBy}
      onSubmit={(e) => {
        e.preventDefault();
        void (typeof submit === 'function' ? submit() : form.submit(submit));
      }}
    >
      {intro}
      <FormMessages form={form} onReload={onReload} />
      {children}
      {submitLabel !== undefined && <FormButtons form={form} label={submitLabel} onCancel={onCancel} />}
    </form>
  );
}
