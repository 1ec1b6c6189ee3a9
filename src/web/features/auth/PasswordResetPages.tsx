import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { PasswordResetRequestSchema } from '../../../shared/auth/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';
import { ChoosePasswordForm } from './ChoosePasswordForm.tsx';
import { AccountEmailField } from './NewPasswordFields.tsx';

/** `/glemt-passord`: asks for a link to choose a new password; the answer says the same whether the address has an account. */
export function ForgotPasswordPage() {
  const { m } = useI18n();
  const form = useForm();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const labels = { email: m.passwordReset.email };
  return (
    <Page title={m.passwordReset.requestTitle}>
      <div className="dr-stack">
        {sentTo ? (
          <div role="status">
            <Alert data-color="success">
              <Paragraph>{fmt(m.passwordReset.requested, { email: sentTo })}</Paragraph>
            </Alert>
          </div>
        ) : (
          <SubmitForm
            form={form}
            intro={<Paragraph>{m.passwordReset.requestIntro}</Paragraph>}
            submitLabel={m.passwordReset.requestSubmit}
            submit={{
              schema: PasswordResetRequestSchema,
              input: { email },
              labels,
              send: (body) => api('/auth/password-reset', { method: 'POST', body }),
              done: () => setSentTo(email),
            }}
          >
            <AccountEmailField form={form} label={labels.email} value={email} onChange={setEmail} />
          </SubmitForm>
        )}
        <Paragraph>
          <AppLink to="/logg-inn">{m.passwordReset.backToLogin}</AppLink>
        </Paragraph>
      </div>
    </Page>
  );
}

/** `/nytt-passord/:token`: the link from the e-mail; the person chooses a new password and is logged in, and out everywhere else. */
export function PasswordResetPage() {
  const { m } = useI18n();
  const { token = '' } = useParams();
  const reset = useApi<{ email: string; name: string }>(`/password-resets/${encodeURIComponent(token)}`);
  return (
    <Page title={m.passwordReset.title}>
      {reset.error ? (
        <Alert data-color="warning">
          <Paragraph>{m.passwordReset.invalid}</Paragraph>
          <Paragraph>
            <AppLink to="/glemt-passord">{m.passwordReset.askAgain}</AppLink>
          </Paragraph>
        </Alert>
      ) : (
        <LoadState loaded={reset}>
          {(who) => (
            <ChoosePasswordForm
              acceptPath={`/password-resets/${encodeURIComponent(token)}/accept`}
              email={who.email}
              intro={fmt(m.passwordReset.intro, { name: who.name, email: who.email })}
              labels={{ password: m.passwordReset.password, repeat: m.passwordReset.repeat }}
              submit={m.passwordReset.submit}
            />
          )}
        </LoadState>
      )}
    </Page>
  );
}
