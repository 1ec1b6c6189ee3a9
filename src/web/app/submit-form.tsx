import type { ReactNode } from 'react';
import { FormMessages, type FormState, type SubmitOptions } from './forms.tsx';
import { FormButtons } from './kit.tsx';

/**
 * A form that sends one request of its own (a login, a new password, an invitation, a change of one setting), where
 * `SaveForm`'s POST-or-PATCH of one record does not fit: the messages at the top, the fields, and the save and
 * cancel buttons where `submitLabel` is given (a form with buttons of its own leaves it out). `submit` is read when
 * the form is sent, so it may decide there which request to make.
 */
export function SubmitForm<T, R>({
  form,
  submit,
  submitLabel,
  onCancel,
  onReload,
  className = 'dr-form',
  intro,
  children,
}: {
  form: FormState;
  submit: SubmitOptions<T, R> | (() => Promise<unknown>);
  submitLabel?: string;
  onCancel?: () => void;
  onReload?: () => void;
  className?: string;
  /** What the form is for, above its messages. */
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      noValidate
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
