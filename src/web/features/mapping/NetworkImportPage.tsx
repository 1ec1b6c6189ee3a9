import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { Downloads } from '../../app/downloads.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, Section } from '../../app/ui.tsx';
import { catalogPath, networkTemplateUrl } from './mapping-api.ts';
import { useMappingMessages } from './messages.ts';
import { SpreadsheetImport } from './SpreadsheetImport.tsx';
import './mapping.css';

/** `/n/:slug/kartlegging/import`: the network's spreadsheet, downloaded prefilled and uploaded all or nothing. */
export function NetworkImportPage() {
  const t = useMappingMessages();
  const network = useNetwork();
  const title = fmt(t.networkImport.title, { name: network.name });
  return (
    <Page title={title}>
      <NetworkImportView network={network} />
    </Page>
  );
}

function NetworkImportView({ network }: { network: NetworkOverview }) {
  const t = useMappingMessages();
  const s = t.spreadsheet;
  return (
    <>
      <div className="dr-stack">
        <Paragraph>{t.networkImport.intro}</Paragraph>
        <Paragraph data-size="sm">
          <AppLink to={catalogPath}>{t.catalog.link}</AppLink>
        </Paragraph>
        <Alert data-color="info">
          <Paragraph>{t.networkImport.allOrNothing}</Paragraph>
        </Alert>
        <Section id="template-heading" title={s.heading}>
          <Paragraph>{s.intro}</Paragraph>
          <Downloads links={[{ href: networkTemplateUrl(network.id), label: fmt(t.networkImport.template, { name: network.name }) }]} />
          <SpreadsheetImport path={`/networks/${network.id}/mapping/import`} />
        </Section>
      </div>
    </>
  );
}
