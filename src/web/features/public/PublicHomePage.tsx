import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { PublicNetwork } from '../../../shared/publicAccess/schema.ts';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';
import { MappingOpenDataLink } from '../mapping-dashboards/index.ts';
import { StrategyPublicLink } from '../strategy/index.ts';
import { ProposalPublicLink } from '../proposals/index.ts';
import { PortfolioPublicLink } from '../projects/index.ts';
import { usePublicMessages } from './messages.ts';
import '../../app/public.css';
import { DataTable } from '../../app/table.tsx';

/** `/innsyn`: every network and its bodies, the way in to meeting plans, meetings and decisions. No login. */
export function PublicHomePage() {
  const { m, date, number } = useI18n();
  const pm = usePublicMessages();
  const networks = useApi<PublicNetwork[]>('/public/networks');
  return (
    <Page title={pm.home.title}>
      <Paragraph>{pm.home.intro}</Paragraph>
      <Paragraph>
        <AppLink to="/innsyn/sok">{pm.home.search}</AppLink>
      </Paragraph>
      <LoadState loaded={networks}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{pm.home.empty}</Paragraph>
          ) : (
            <>
              {list.map((network) => (
                <section key={network.id} className="dr-section" aria-labelledby={`network-${network.id}`}>
                  <Heading level={2} data-size="md" id={`network-${network.id}`}>
                    {network.name}
                  </Heading>
                  <MappingOpenDataLink slug={network.slug} name={network.name} />
                  <StrategyPublicLink slug={network.slug} name={network.name} />
                  <PortfolioPublicLink slug={network.slug} name={network.name} />
                  <ProposalPublicLink slug={network.slug} name={network.name} />
                  {network.bodies.length === 0 ? (
                    <Paragraph>{pm.home.noBodies}</Paragraph>
                  ) : (
                    <DataTable
                      caption={fmt(pm.home.caption, { network: network.name })}
                      columns={[pm.home.body, pm.home.kind, pm.home.meetings, pm.home.next]}
                    >
                      {network.bodies.map((body) => (
                        <Table.Row key={body.id}>
                          <Table.Cell>
                            <AppLink to={`/innsyn/organ/${body.id}`}>{body.name}</AppLink>
                          </Table.Cell>
                          <Table.Cell>{m.enums.bodyKinds[body.kind]}</Table.Cell>
                          <Table.Cell>{number(body.meetingCount)}</Table.Cell>
                          <Table.Cell>{body.nextMeetingDate ? date(body.nextMeetingDate) : m.common.none}</Table.Cell>
                        </Table.Row>
                      ))}
                    </DataTable>
                  )}
                </section>
              ))}
            </>
          )
        }
      </LoadState>
      <Paragraph data-size="sm" className="dr-section">
        <Link href="/api/oparl/v1/system">{pm.home.openData}</Link>
      </Paragraph>
    </Page>
  );
}
