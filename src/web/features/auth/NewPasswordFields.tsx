import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/schema.ts';
import { TextField, type FormState } from '../../app/forms.tsx';
import type { BoundField } from '../../app/fields.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';

/** A new password and its repetition, as the invitation and the account page ask for it. */
export function NewPasswordFields(props: {
  form: FormState;
  name: string;
  labels: { password: string; repeat: string };
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
}) {
  const { m } = useI18n();
  return (
    <>
      <TextField
        state={props.form}
        name={props.name}
        label={props.labels.password}
        description={fmt(m.invitation.passwordDescription, { min: PASSWORD_MIN_LENGTH })}
        type="password"
        value={props.password}
        onChange={props.onPassword}
        autoComplete="new-password"
        required
      />
      <TextField
        state={props.form}
        name="repeat"
        label={props.labels.repeat}
        type="password"
        value={props.repeat}
        onChange={props.onRepeat}
        autoComplete="new-password"
        required
      />
    </>
  );
}

type AccountFieldProps = { form: FormState; label: string; value: string; onChange: (value: string) => void };

/** The address an account logs in with, as the login and the forgotten-password pages ask for it. */
export function AccountEmailField({ form, ...field }: AccountFieldProps) {
  return <TextField state={form} name="email" {...field} type="email" autoComplete="username" required />;
}

/** The password the account has now, as the login and the change of password ask for it. */
export function CurrentPasswordField(props: BoundField) {
  return <TextField {...props} type="password" autoComplete="current-password" required />;
}
