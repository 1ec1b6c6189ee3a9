import { useParams } from 'react-router';
import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';
import { NetworkNav } from '../network/NetworkNav.tsx';
import { catalogPath, networkTemplateUrl } from './mapping-api.ts';
import { useMappingMessages } from './messages.ts';
import { SpreadsheetImport } from './SpreadsheetImport.tsx';
import './mapping.css';

/** `/n/:slug/kartlegging/import`: the network's spreadsheet, downloaded prefilled and uploaded all or nothing. */
export function NetworkImportPage() {
  const { m } = useI18n();
  const t = useMappingMessages();
  const { slug = '' } = useParams();
  const network = useApi<NetworkOverview>(`/networks/${encodeURIComponent(slug)}`);
  const title = network.data
    ? fmt(t.networkImport.title, { name: network.data.name })
    : network.error
      ? m.notFound.title
      : m.common.loading;
  return (
    <Page title={title}>
      <LoadState loaded={network}>{(n) => <NetworkImportView network={n} />}</LoadState>
    </Page>
  );
}

function NetworkImportView({ network }: { network: NetworkOverview }) {
  const t = useMappingMessages();
  const s = t.spreadsheet;
  return (
    <>
      <NetworkNav network={network} />
      <div className="dr-stack">
        <Paragraph>{t.networkImport.intro}</Paragraph>
        <Paragraph data-size="sm">
          <AppLink to={catalogPath}>{t.catalog.link}</AppLink>
        </Paragraph>
        <Alert data-color="info">
          <Paragraph>{t.networkImport.allOrNothing}</Paragraph>
        </Alert>
        <section className="dr-section" aria-labelledby="template-heading">
          <Heading level={2} data-size="md" id="template-heading">
            {s.heading}
          </Heading>
          <Paragraph>{s.intro}</Paragraph>
          <Paragraph data-size="sm" className="dr-downloads">
            <Link href={networkTemplateUrl(network.id)} download>
              {fmt(t.networkImport.template, { name: network.name })}
            </Link>
          </Paragraph>
          <SpreadsheetImport path={`/networks/${network.id}/mapping/import`} />
        </section>
      </div>
    </>
  );
}
