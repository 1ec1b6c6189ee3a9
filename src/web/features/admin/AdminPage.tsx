import { Alert } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { LoginRequired } from '../../app/login-required.tsx';
import { useSession } from '../../app/session.tsx';
import { useCapabilities } from '../../app/capabilities.ts';
import { AuditSection } from './AuditSection.tsx';
import { OutboxSection } from './OutboxSection.tsx';
import { UsersSection } from './UsersSection.tsx';

/** `/admin`: users and roles, outgoing e-mail and the audit log, for platform administrators and secretariats. */
export function AdminPage() {
  const { m } = useI18n();
  const { user } = useSession();
  const administration = useCapabilities()?.account.administration;
  return (
    <Page title={m.admin.title}>
      <LoginRequired />
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
