import { useParams } from 'react-router';
import { Alert } from '@digdir/designsystemet-react';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { LoadState } from '../../app/ui.tsx';
import { ChoosePasswordForm } from './ChoosePasswordForm.tsx';

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
        <LoadState loaded={invitation}>
          {(inv) => (
            <ChoosePasswordForm
              acceptPath={`/invitations/${encodeURIComponent(token)}/accept`}
              email={inv.email}
              intro={fmt(m.invitation.intro, { name: inv.name, email: inv.email })}
              labels={{ password: m.invitation.password, repeat: m.invitation.repeat }}
              submit={m.invitation.submit}
            />
          )}
        </LoadState>
      )}
    </Page>
  );
}
