import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { BodySummary, NetworkOverview } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { AppLink, ButtonRow, LoadState, ModalDialog } from '../../app/ui.tsx';
import { BodyForm } from './BodyForm.tsx';
import { BodiesTable } from './BodiesTable.tsx';
import { useHistoryMessages } from '../meetings/index.ts';

/** `/n/:slug/organer`: the network's bodies; the secretariat creates new ones. */
export function BodiesPage() {
  const { m } = useI18n();
  const network = useNetwork();
  const title = fmt(m.bodies.title, { name: network.name });
  return (
    <Page title={title}>
      <BodiesView network={network} />
    </Page>
  );
}

function BodiesView({ network }: { network: NetworkOverview }) {
  const { m } = useI18n();
  const admin = useNetworkCapabilities(network.id).administer;
  const navigate = useNavigate();
  const bodies = useApi<BodySummary[]>(`/networks/${network.id}/bodies`);
  const [creating, setCreating] = useState(false);
  const h = useHistoryMessages();
  return (
    <>
      <Paragraph>{m.bodies.intro}</Paragraph>
      <div className="dr-stack dr-section">
        {admin && (
          <ButtonRow>
            <Button type="button" onClick={() => setCreating(true)}>
              {m.bodies.createBody}
            </Button>
            <AppLink to={`/n/${network.slug}/historikk`}>{h.link}</AppLink>
          </ButtonRow>
        )}
        <LoadState loaded={bodies}>
          {(list) => <BodiesTable network={network} bodies={list} caption={fmt(m.bodies.caption, { name: network.name })} />}
        </LoadState>
      </div>
      <ModalDialog open={creating} onClose={() => setCreating(false)} title={m.bodies.createBody}>
        <BodyForm
          networkId={network.id}
          onCancel={() => setCreating(false)}
          onSaved={(body) => {
            setCreating(false);
            void navigate(`/n/${network.slug}/organer/${body.id}`, { state: { created: body.name } });
          }}
        />
      </ModalDialog>
    </>
  );
}
