import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { InvitationAcceptSchema, type CurrentUser } from '../../../shared/auth/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { FormMessages, SubmitButton, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { Page } from '../../app/Page.tsx';
import { useSession } from '../../app/session.tsx';
import { ButtonRow, LoadState } from '../../app/ui.tsx';

/** `/invitasjon/:token`: the invited person chooses a password and is logged in. */
export function InvitationPage() {
  const { m } = useI18n();
  const { token = '' } = useParams();
  const invitation = useApi<{ email: string; name: string }>(`/invitations/${encodeURIComponent(token)}`);
  return (
    <Page title={m.invitation.title}>
      {invitation.error ? (
        <Alert data-color="warning">{m.invitation.invalid}</Alert>
      ) : (
        <LoadState loaded={invitation}>{(inv) => <AcceptForm token={token} invitation={inv} />}</LoadState>
      )}
    </Page>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: { email: string; name: string } }) {
  const { m } = useI18n();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const form = useForm();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const labels = { password: m.invitation.password, repeat: m.invitation.repeat };
  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({
          schema: InvitationAcceptSchema,
          input: { password },
          labels,
          check: (data): Record<string, string> => (data.password !== repeat ? { repeat: m.invitation.mismatch } : {}),
          send: (body) => api<CurrentUser>(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body }),
          done: (me) => {
            signedIn(me);
            void navigate('/');
          },
        });
      }}
    >
      <Paragraph>{fmt(m.invitation.intro, { name: invitation.name, email: invitation.email })}</Paragraph>
      <FormMessages form={form} />
      {/* Lets password managers store the password with the right user name. */}
      <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
      <NewPasswordFields
        form={form}
        name="password"
        labels={labels}
        password={password}
        repeat={repeat}
        onPassword={setPassword}
        onRepeat={setRepeat}
      />
      <ButtonRow>
        <SubmitButton form={form}>{m.invitation.submit}</SubmitButton>
      </ButtonRow>
    </form>
  );
}
