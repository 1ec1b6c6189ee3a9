import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { GrantList } from '../../../shared/finance/grants.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { ListWithCreate } from '../../app/kit.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, LoadState, ScrollRegion } from '../../app/ui.tsx';
import { useKroner } from '../../app/format.ts';
import { FinanceFrame } from './FinanceFrame.tsx';
import { GrantForm } from './GrantForm.tsx';
import { useGrantMessages } from './grant-messages.ts';
import { grantPath, grantsExportUrl } from './grants-api.ts';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { HeadRow } from '../../app/table.tsx';
import { useOpenCreated } from './finance-parts.tsx';

/** `/n/:slug/okonomi/tilskudd`: the network's grants with amount, spent and remaining, and their totals. */
export function GrantsPage() {
  const gm = useGrantMessages();
  return <FinanceFrame title={gm.list.title}>{(n) => <GrantsView network={n} />}</FinanceFrame>;
}

function GrantsView({ network }: { network: NetworkOverview }) {
  const gm = useGrantMessages();
  const l = gm.list;
  const { date } = useI18n();
  const kroner = useKroner();
  const admin = useNetworkCapabilities(network.id).administer;
  const grants = useApi<GrantList>(`/networks/${network.id}/grants`);
  const opened = useOpenCreated((id) => grantPath(network.slug, id), l.created);
  return (
    <ListWithCreate
      intro={l.intro}
      create={{
        label: l.newGrant,
        readOnly: l.readOnly,
        form: admin ? (close) => <GrantForm networkId={network.id} grant={null} {...opened(close)} /> : null,
      }}
    >
      <LoadState loaded={grants}>
        {({ grants: list, totals }) =>
          list.length === 0 ? (
            <Paragraph>{l.none}</Paragraph>
          ) : (
            <>
              <ScrollRegion label={fmt(l.caption, { name: network.name })}>
                <Table zebra>
                  <caption>{fmt(l.caption, { name: network.name })}</caption>
                  <HeadRow cells={[l.grant, l.giver, l.period, l.amount, l.spent, l.remaining, l.nextDeadline]} />
                  <Table.Body>
                    {list.map((g) => (
                      <Table.Row key={g.id}>
                        <Table.HeaderCell scope="row">
                          <AppLink to={grantPath(network.slug, g.id)}>{g.title}</AppLink>
                        </Table.HeaderCell>
                        <Table.Cell>
                          {g.giverName}
                          <br />
                          <span className="dr-muted">{gm.giverKinds[g.giverKind]}</span>
                        </Table.Cell>
                        <Table.Cell>{fmt(gm.grant.period, { from: date(g.periodStart), to: date(g.periodEnd) })}</Table.Cell>
                        <Table.Cell data-figure="amount">{kroner(g.amount)}</Table.Cell>
                        <Table.Cell data-figure="spent">{kroner(g.spent)}</Table.Cell>
                        <Table.Cell data-figure="remaining">{kroner(g.remaining)}</Table.Cell>
                        <Table.Cell>{g.nextDeadline ? date(g.nextDeadline) : l.noDeadline}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                  <tfoot>
                    <Table.Row>
                      <Table.HeaderCell scope="row">{l.total}</Table.HeaderCell>
                      <Table.Cell />
                      <Table.Cell />
                      <Table.Cell data-figure="amount">{kroner(totals.amount)}</Table.Cell>
                      <Table.Cell data-figure="spent">{kroner(totals.spent)}</Table.Cell>
                      <Table.Cell data-figure="remaining">{kroner(totals.remaining)}</Table.Cell>
                      <Table.Cell />
                    </Table.Row>
                  </tfoot>
                </Table>
              </ScrollRegion>
              <Downloads
                row
                label={l.downloads}
                links={exportLinks((format) => grantsExportUrl(network.id, format), { xlsx: l.downloadXlsx, csv: l.downloadCsv })}
              />
            </>
          )
        }
      </LoadState>
    </ListWithCreate>
  );
}
