import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { InvitationAcceptSchema, type CurrentUser } from '../../../shared/auth/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { LoadState } from '../../app/ui.tsx';
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

/**
 * The page a personal link to choose a password opens (`<route>/:token`): whom the link is for, looked up at `path`,
 * and the form that sends the password to `path/accept`; `invalid` when the link is unknown or used.
 */
export function PasswordLinkPage({
  path,
  title,
  invalid,
  texts,
}: {
  /** The link's route without the token, e.g. `/invitations`. */
  path: string;
  title: string;
  invalid: ReactNode;
  /** The intro (with {name} and {email}), the two fields' labels and the button. */
  texts: { intro: string; password: string; repeat: string; submit: string };
}) {
  const { token = '' } = useParams();
  const linkPath = `${path}/${encodeURIComponent(token)}`;
  const link = useApi<{ email: string; name: string }>(linkPath);
  return (
    <Page title={title}>
      {link.error ? (
        invalid
      ) : (
        <LoadState loaded={link}>
          {(who) => (
            <ChoosePasswordForm
              acceptPath={`${linkPath}/accept`}
              email={who.email}
              intro={fmt(texts.intro, { name: who.name, email: who.email })}
              labels={{ password: texts.password, repeat: texts.repeat }}
              submit={texts.submit}
            />
          )}
        </LoadState>
      )}
    </Page>
  );
}
