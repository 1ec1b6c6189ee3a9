import { useState } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { PasswordResetRequestSchema } from '../../../shared/auth/schema.ts';
import { api } from '../../app/api.ts';
import { useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink } from '../../app/ui.tsx';
import { PasswordLinkPage } from './ChoosePasswordForm.tsx';
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
  const r = m.passwordReset;
  return (
    <PasswordLinkPage
      path="/password-resets"
      title={r.title}
      invalid={
        <Alert data-color="warning">
          <Paragraph>{r.invalid}</Paragraph>
          <Paragraph>
            <AppLink to="/glemt-passord">{r.askAgain}</AppLink>
          </Paragraph>
        </Alert>
      }
      texts={{ intro: r.intro, password: r.password, repeat: r.repeat, submit: r.submit }}
    />
  );
}
