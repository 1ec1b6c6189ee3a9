import { Alert } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n/index.tsx';
import { PasswordLinkPage } from './ChoosePasswordForm.tsx';

/** `/invitasjon/:token`: the invited person chooses a password and is logged in. */
export function InvitationPage() {
  const { m } = useI18n();
  return (
    <PasswordLinkPage
      path="/invitations"
      title={m.invitation.title}
      invalid={<Alert data-color="warning">{m.invitation.invalid}</Alert>}
      texts={{ intro: m.invitation.intro, password: m.invitation.password, repeat: m.invitation.repeat, submit: m.invitation.submit }}
    />
  );
}
