import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { InvitationAcceptSchema, type CurrentUser } from '../../../shared/auth/schema.ts';
import { api } from '../../app/api.ts';
import { useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { useSession } from '../../app/session.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';

/**
 * The form a personal link opens to choose a password (an invitation, a password reset): the person chooses it twice,
 * the link's route takes it, and they are logged in.
 */
export function ChoosePasswordForm({
  acceptPath,
  email,
  intro,
  labels,
  submit,
}: {
  /** The link's route that takes the password, e.g. `/invitations/<token>/accept`. */
  acceptPath: string;
  email: string;
  intro: string;
  labels: { password: string; repeat: string };
  submit: string;
}) {
  const { m } = useI18n();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const form = useForm();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  return (
    <SubmitForm
      form={form}
      intro={<Paragraph>{intro}</Paragraph>}
      submitLabel={submit}
      submit={{
        schema: InvitationAcceptSchema,
        input: { password },
        labels,
        check: (data): Record<string, string> => (data.password !== repeat ? { repeat: m.invitation.mismatch } : {}),
        send: (body) => api<CurrentUser>(acceptPath, { method: 'POST', body }),
        done: (me) => {
          signedIn(me);
          void navigate('/');
        },
      }}
    >
      {/* Lets password managers store the password with the right user name. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields
        form={form}
        name="password"
        labels={labels}
        password={password}
        repeat={repeat}
        onPassword={setPassword}
        onRepeat={setRepeat}
      />
    </SubmitForm>
  );
}
