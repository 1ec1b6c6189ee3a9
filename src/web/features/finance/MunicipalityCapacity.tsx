import { Alert, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { MunicipalityCapacity } from '../../../shared/finance/capacity.ts';
import { useApi } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { useHours } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import { AppLink, ScrollRegion, Section } from '../../app/ui.tsx';
import { financePath } from './finance-paths.ts';
import { useCapacityMessages } from './capacity-messages.ts';

/**
 * A municipality's own effort this year and next on its page (`/kommuner/:number`): planned, registered and committed
 * hours in each network it is a member of whose internal pages the reader reads, and a warning where its plans exceed
 * its commitment. Nothing for anyone else, nor when there is nothing planned or committed.
 */
export function MunicipalityCapacityWarning({ number, name }: { number: string; name: string }) {
  const { user } = useSession();
  const thisYear = new Date().getFullYear();
  const path = (year: number) => (user ? `/municipalities/${encodeURIComponent(number)}/own-effort/capacity?year=${year}` : null);
  const now = useApi<MunicipalityCapacity>(path(thisYear));
  const next = useApi<MunicipalityCapacity>(path(thisYear + 1));
  const t = useCapacityMessages();
  const hours = useHours();
  if (!user || !now.data || !next.data) return null;
  const years = [now.data, next.data]
    .map((y) => ({ year: y.year, networks: y.networks.filter((n) => n.planned > 0 || n.registered > 0 || n.commitment !== null) }))
    .filter((y) => y.networks.length > 0);
  if (years.length === 0) return null;
  return (
    <>
      {years.map((y) => {
        const caption = fmt(t.municipalityCaption, { municipality: name, year: y.year });
        return (
          <Section
            key={y.year}
            id={`capacity-${y.year}`}
            title={fmt(t.municipalityHeading, { year: y.year })}
            className="dr-section dr-stack"
          >
            {y.networks
              .filter((n) => n.over)
              .map((n) => (
                <Alert key={n.networkId} data-color="warning">
                  <Paragraph>
                    {fmt(t.municipalityOver, {
                      municipality: name,
                      network: n.networkName,
                      planned: hours(n.planned),
                      over: hours(n.overBy),
                      committed: hours(n.commitment ?? 0),
                    })}
                  </Paragraph>
                </Alert>
              ))}
            <ScrollRegion label={caption}>
              <Table data-size="sm" zebra>
                <caption>{caption}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t.network}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="dr-project-number">
                      {t.planned}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="dr-project-number">
                      {t.registered}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="dr-project-number">
                      {t.committed}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t.status}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {y.networks.map((n) => (
                    <Table.Row key={n.networkId}>
                      <Table.HeaderCell scope="row">
                        <AppLink to={`${financePath(n.networkSlug, 'kapasitet')}?aar=${y.year}`}>{n.networkName}</AppLink>
                      </Table.HeaderCell>
                      <Table.Cell className="dr-project-number">{hours(n.planned)}</Table.Cell>
                      <Table.Cell className="dr-project-number">{hours(n.registered)}</Table.Cell>
                      <Table.Cell className="dr-project-number">{n.commitment === null ? t.notSet : hours(n.commitment)}</Table.Cell>
                      <Table.Cell>
                        {n.over ? (
                          <Tag data-color="danger">{fmt(t.overBy, { hours: hours(n.overBy) })}</Tag>
                        ) : n.commitment === null ? (
                          <span className="dr-muted">{t.noCommitment}</span>
                        ) : (
                          <Tag data-color="success">{t.within}</Tag>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
          </Section>
        );
      })}
    </>
  );
}
