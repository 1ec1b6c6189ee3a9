import type { ReactNode } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { FormMessages, SubmitButton, type FormState } from './forms.tsx';
import { useI18n } from './i18n/index.tsx';
import { submitSave, type SaveOptions } from './save.ts';
import { ButtonRow } from './ui.tsx';

export { submitSave, type SaveOptions } from './save.ts';

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
