import { Link as RouterLink, useLocation } from 'react-router';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from './i18n/index.tsx';
import { useSession } from './session.tsx';

/** On a page only for those logged in, once the session is known to have no account: a notice and a way to log in. */
export function LoginRequired() {
  const { m } = useI18n();
  const { user, ready } = useSession();
  const location = useLocation();
  if (!ready || user) return null;
  return (
    <Alert data-color="info">
      <Paragraph>{m.account.loginRequired}</Paragraph>
      <Button asChild variant="secondary" data-size="sm">
        <RouterLink to={`/logg-inn?til=${encodeURIComponent(location.pathname)}`}>{m.shell.login}</RouterLink>
      </Button>
    </Alert>
  );
}
