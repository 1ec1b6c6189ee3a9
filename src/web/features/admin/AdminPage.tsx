import { Link as RouterLink, useLocation } from 'react-router';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useSession } from '../../app/session.tsx';
import { useCapabilities } from '../../app/capabilities.ts';
import { AuditSection } from './AuditSection.tsx';
import { OutboxSection } from './OutboxSection.tsx';
import { UsersSection } from './UsersSection.tsx';

/** `/admin`: users and roles, outgoing e-mail and the audit log, for platform administrators and secretariats. */
export function AdminPage() {
  const { m } = useI18n();
  const { user, ready } = useSession();
  const location = useLocation();
  const administration = useCapabilities()?.account.administration;
  return (
    <Page title={m.admin.title}>
      {ready && !user && (
        <Alert data-color="info">
          <Paragraph>{m.account.loginRequired}</Paragraph>
          <Button asChild variant="secondary" data-size="sm">
            <RouterLink to={`/logg-inn?til=${encodeURIComponent(location.pathname)}`}>{m.shell.login}</RouterLink>
          </Button>
        </Alert>
      )}
      {user && administration === false && <Alert data-color="warning">{m.admin.noAccess}</Alert>}
      {user && administration && (
        <>
          <nav aria-label={m.admin.sections} className="dr-subnav">
            <ul>
              <li>
                <a href="#users-heading">{m.admin.usersHeading}</a>
              </li>
              <li>
                <a href="#outbox-heading">{m.admin.outboxHeading}</a>
              </li>
              <li>
                <a href="#audit-heading">{m.admin.auditHeading}</a>
              </li>
            </ul>
          </nav>
          <UsersSection />
          <OutboxSection />
          <AuditSection />
        </>
      )}
    </Page>
  );
}
