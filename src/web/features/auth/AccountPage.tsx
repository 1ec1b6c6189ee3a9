import { useState } from 'react';
import { Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { ChangePasswordSchema } from '../../../shared/auth/schema.ts';
import { isLanguage, LANGUAGES } from '../../../shared/i18n/languages.ts';
import { api, type ApiError, asApiError } from '../../app/api.ts';
import { FailureAlert, SuccessMessage } from '../../app/forms.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, LANGUAGE_NAMES, useI18n } from '../../app/i18n/index.tsx';
import { CurrentPasswordField, NewPasswordFields } from './NewPasswordFields.tsx';
import { Page } from '../../app/Page.tsx';
import { LoginRequired } from '../../app/login-required.tsx';
import { useSession, type User } from '../../app/session.tsx';
import { RoleLabel } from '../admin/index.ts';

/** `/konto`: who you are, your password and your language. */
export function AccountPage() {
  const { m } = useI18n();
  const { user } = useSession();
  return (
    <Page title={m.account.title}>
      <LoginRequired />
      {user && <AccountView user={user} />}
    </Page>
  );
}

function AccountView({ user }: { user: User }) {
  const { m } = useI18n();
  const { config } = useSession();
  return (
    <div className="dr-stack">
      <section aria-labelledby="profile-heading" className="dr-stack">
        <Heading level={2} data-size="md" id="profile-heading">
          {m.account.profile}
        </Heading>
        <dl className="dr-facts">
          <dt>{m.account.name}</dt>
          <dd>{user.name}</dd>
          <dt>{m.account.email}</dt>
          <dd>{user.email}</dd>
          <dt>{m.account.roles}</dt>
          <dd>
            {user.roles.length === 0 ? (
              m.account.noRoles
            ) : (
              <ul>
                {user.roles.map((r) => (
                  <li key={r.id}>
                    <RoleLabel role={r} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
      <LanguageSection />
      <section aria-labelledby="password-heading" className="dr-section">
        <Heading level={2} data-size="md" id="password-heading">
          {m.account.passwordHeading}
        </Heading>
        {user.hasPassword ? <PasswordForm /> : <Paragraph>{fmt(m.account.noPassword, { label: config?.oidc.label ?? '' })}</Paragraph>}
      </section>
    </div>
  );
}

function LanguageSection() {
  const { m, lang } = useI18n();
  const { changeLanguage } = useSession();
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  return (
    <section aria-labelledby="language-heading" className="dr-section">
      <Heading level={2} data-size="md" id="language-heading">
        {m.account.languageHeading}
      </Heading>
      <FailureAlert error={failure} />
      <Field>
        <Label>{m.account.languageLabel}</Label>
        <Field.Description>{m.account.languageDescription}</Field.Description>
        <Select
          width="auto"
          value={lang}
          onChange={(e) => {
            const next = e.target.value;
            if (!isLanguage(next)) return;
            setStatus(null);
            setFailure(null);
            changeLanguage(next).then(
              () => setStatus(m.account.languageSaved),
              (error: unknown) => setFailure(asApiError(error)),
            );
          }}
        >
          {LANGUAGES.map((l) => (
            <Select.Option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <SuccessMessage message={status} />
    </section>
  );
}

function PasswordForm() {
  const { m } = useI18n();
  const { form, values, set, field } = useFormValues({ currentPassword: '', newPassword: '', repeat: '' });
  const { currentPassword, newPassword, repeat } = values;
  const labels = { currentPassword: m.account.currentPassword, newPassword: m.account.newPassword, repeat: m.account.repeatPassword };
  return (
    <SubmitForm
      form={form}
      submitLabel={m.account.submitPassword}
      submit={{
        schema: ChangePasswordSchema,
        input: { currentPassword, newPassword },
        labels,
        check: (data): Record<string, string> => (data.newPassword !== repeat ? { repeat: m.invitation.mismatch } : {}),
        send: (body) => api('/auth/password', { method: 'POST', body }),
        done: () => {
          set({ currentPassword: '', newPassword: '', repeat: '' });
          return m.account.passwordChanged;
        },
      }}
    >
      <CurrentPasswordField {...field('currentPassword', labels.currentPassword)} />
      <NewPasswordFields
        form={form}
        name="newPassword"
        labels={{ password: labels.newPassword, repeat: labels.repeat }}
        password={newPassword}
        repeat={repeat}
        onPassword={(v) => set({ newPassword: v })}
        onRepeat={(v) => set({ repeat: v })}
      />
    </SubmitForm>
  );
}
