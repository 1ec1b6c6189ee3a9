import { useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { FormMessages, SubmitButton, type FormState } from './forms.tsx';
import { useI18n } from './i18n/index.tsx';
import { submitSave, type SaveOptions } from './save.ts';
import { ButtonRow, ModalDialog, SuccessMessage } from './ui.tsx';

export { submitSave, type SaveOptions } from './save.ts';

/**
 * What a form in a dialog is told: what to do with the record it saved, how to close without saving, and how to load
 * the page's data again when the save was refused as stale.
 */
export interface DialogFormProps<T> {
  onSaved: (saved: T) => void;
  onCancel: () => void;
  onReload: () => void;
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

/** The message a page was sent with (`navigate(to, { state: { message } })`), e.g. «Opprettet» after a create dialog. */
export function useNavigationMessage(): string | null {
  const location = useLocation();
  return (location.state as { message?: string } | null)?.message ?? null;
}

/**
 * A list page's section: the message it was sent with, the intro, and a «new …» button that opens the create dialog
 * for those who may create, a line saying the list is read-only for the others; then the list itself.
 */
export function ListWithCreate({
  intro,
  create,
  children,
}: {
  intro: ReactNode;
  /** `form` gets `close` for its cancel and for after a save; null `form` where the account may only read. */
  create: { label: string; readOnly: string; form: ((close: () => void) => ReactNode) | null };
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <div className="dr-stack">
      <SuccessMessage message={useNavigationMessage()} />
      <Paragraph>{intro}</Paragraph>
      {create.form ? (
        <ButtonRow>
          <Button type="button" onClick={() => setOpen(true)}>
            {create.label}
          </Button>
        </ButtonRow>
      ) : (
        <Paragraph data-size="sm" className="dr-muted">
          {create.readOnly}
        </Paragraph>
      )}
      {children}
      {create.form && (
        <ModalDialog open={open} onClose={close} title={create.label}>
          {create.form(close)}
        </ModalDialog>
      )}
    </div>
  );
}
