import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { LoginSchema, type CurrentUser } from '../../../shared/auth/schema.ts';
import { api } from '../../app/api.ts';
import { SubmitButton, useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { AccountEmailField, CurrentPasswordField } from './NewPasswordFields.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useSession } from '../../app/session.tsx';
import { AppLink, ButtonRow, Section } from '../../app/ui.tsx';
import { safeReturnTo } from './return-to.ts';
import { DataTable } from '../../app/table.tsx';

/** `/logg-inn`: e-mail and password, single sign-on when configured, and the demo users in demo mode. */
export function LoginPage() {
  const { m } = useI18n();
  const { config, user, signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('til'));
  const problem = params.get('feil');
  const form = useForm();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const labels = { email: m.login.email, password: m.login.password };

  return (
    <Page title={m.login.title}>
      <div className="dr-stack">
        {problem === 'oidc' && (
          <Alert data-color="danger" role="alert">
            {m.login.oidcFailed}
          </Alert>
        )}
        {problem === 'deaktivert' && (
          <Alert data-color="danger" role="alert">
            {m.login.deactivated}
          </Alert>
        )}
        {user && <Alert data-color="info">{fmt(m.login.alreadyLoggedIn, { name: user.name })}</Alert>}
        {config?.oidc.enabled && (
          <>
            <ButtonRow>
              <Button asChild>
                <a href={`/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`}>
                  {fmt(m.login.oidc, { label: config.oidc.label })}
                </a>
              </Button>
            </ButtonRow>
            <Paragraph>{m.login.or}</Paragraph>
          </>
        )}
        <SubmitForm
          form={form}
          submit={{
            schema: LoginSchema,
            input: { email, password },
            labels,
            send: (body) => api<CurrentUser>('/auth/login', { method: 'POST', body }),
            done: (me) => {
              signedIn(me);
              void navigate(returnTo);
            },
          }}
        >
          <AccountEmailField form={form} label={labels.email} value={email} onChange={setEmail} />
          <CurrentPasswordField state={form} name="password" label={labels.password} value={password} onChange={setPassword} />
          <ButtonRow>
            <SubmitButton form={form}>{m.login.submit}</SubmitButton>
          </ButtonRow>
          <Paragraph>
            <AppLink to="/glemt-passord">{m.login.forgotPassword}</AppLink>
          </Paragraph>
        </SubmitForm>

        {config?.demo && config.demo.users.length > 0 && (
          <Section id="demo-heading" title={m.login.demoHeading}>
            <Paragraph>{fmt(m.login.demoIntro, { password: config.demo.users[0]?.password ?? '' })}</Paragraph>
            <DataTable caption={m.login.demoCaption} columns={[m.login.demoUser, m.login.demoRole, m.common.actions]}>
              {config.demo.users.map((u) => (
                <Table.Row key={u.email}>
                  <Table.Cell>{u.email}</Table.Cell>
                  <Table.Cell>
                    {u.scope ? fmt(m.admin.scoped, { role: m.enums.userRoles[u.role], scope: u.scope }) : m.enums.userRoles[u.role]}
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => {
                        setEmail(u.email);
                        setPassword(u.password);
                        document.getElementById(form.id('email'))?.focus();
                      }}
                    >
                      {fmt(m.login.demoUse, { email: u.email })}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          </Section>
        )}
      </div>
    </Page>
  );
}
