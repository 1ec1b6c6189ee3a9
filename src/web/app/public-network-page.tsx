import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { PublicNetwork } from '../../shared/publicAccess/schema.ts';
import { useApi } from './api.ts';
import { useI18n } from './i18n/index.tsx';
import { Page } from './Page.tsx';
import { LoadState } from './ui.tsx';

/**
 * A public page about one network (`/innsyn/n/:slug/…`, no login): the network the address names among those that
 * publish, the title and intro from its name, «not found» for a name none has; then what the page shows of it.
 */
export function PublicNetworkPage({
  title,
  intro,
  lead,
  children,
}: {
  title: (name: string) => string;
  intro: (name: string) => string;
  /** Above the title: the way back to the public home page. */
  lead: ReactNode;
  children: (network: PublicNetwork) => ReactNode;
}) {
  const { m } = useI18n();
  const { slug = '' } = useParams();
  const networks = useApi<PublicNetwork[]>('/public/networks');
  const network = networks.data?.find((n) => n.slug === slug);
  return (
    <Page title={network ? title(network.name) : networks.data ? m.notFound.title : m.common.loading} lead={lead}>
      <LoadState loaded={networks}>
        {() =>
          !network ? (
            <Paragraph>{m.notFound.text}</Paragraph>
          ) : (
            <div className="dr-stack">
              <Paragraph>{intro(network.name)}</Paragraph>
              {children(network)}
            </div>
          )
        }
      </LoadState>
    </Page>
  );
}
