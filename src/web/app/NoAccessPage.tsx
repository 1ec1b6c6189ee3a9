import { useLocation } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../shared/network/schema.ts';
import { fmt, useI18n } from './i18n/index.tsx';
import { Page } from './Page.tsx';
import { useSession } from './session.tsx';
import { AppLink } from './ui.tsx';

/**
 * «Ingen tilgang»: the one answer to a page the account may not see, instead of the page's filters and links and
 * the server's refusals. Without login, the way to log in and come back.
 */
export function NoAccessPage({ network }: { network?: NetworkOverview }) {
  const { m } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <Page title={m.noAccess.title}>
      <Paragraph>{m.noAccess.text}</Paragraph>
      {!user && (
        <Paragraph>
          <AppLink to={`/logg-inn?til=${encodeURIComponent(here)}`}>{m.noAccess.login}</AppLink>
        </Paragraph>
      )}
      <Paragraph>
        {network ? (
          <AppLink to={`/n/${network.slug}`}>{fmt(m.noAccess.back, { name: network.name })}</AppLink>
        ) : (
          <AppLink to="/">{m.notFound.home}</AppLink>
        )}
      </Paragraph>
    </Page>
  );
}
