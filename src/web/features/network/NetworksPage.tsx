import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { NetworkSummary } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink, LoadState, ScrollRegion } from '../../app/ui.tsx';
import { HeadRow } from '../../app/table.tsx';

/** `/`: every network with its size. */
export function NetworksPage() {
  const { m } = useI18n();
  return (
    <Page title={m.networks.title}>
      <Paragraph>{m.networks.intro}</Paragraph>
      <NetworksTable />
    </Page>
  );
}

/** Every network with its size and umbrella; also under «Mitt arbeid», where journeys and people start. */
export function NetworksTable() {
  const { m, number } = useI18n();
  const networks = useApi<NetworkSummary[]>('/networks');
  return (
    <LoadState loaded={networks}>
      {(list) =>
        list.length === 0 ? (
          <Paragraph>{m.networks.empty}</Paragraph>
        ) : (
          <ScrollRegion className="dr-section" label={m.networks.caption}>
            <Table zebra>
              <caption>{m.networks.caption}</caption>
              <HeadRow cells={[m.networks.name, m.networks.members, m.networks.population]} />
              <Table.Body>
                {list.map((n) => {
                  const umbrella = n.umbrellaId ? list.find((u) => u.id === n.umbrellaId) : undefined;
                  return (
                    <Table.Row key={n.id}>
                      <Table.Cell>
                        <AppLink to={`/n/${n.slug}`}>{n.name}</AppLink>
                        {umbrella && (
                          <Paragraph data-size="sm" className="dr-muted">
                            {fmt(m.networks.partOf, { name: umbrella.name })}
                          </Paragraph>
                        )}
                      </Table.Cell>
                      <Table.Cell>{number(n.memberCount)}</Table.Cell>
                      <Table.Cell>{number(n.population)}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )
      }
    </LoadState>
  );
}
