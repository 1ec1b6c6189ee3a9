import { useSearchParams } from 'react-router';
import { Downloads } from '../../app/downloads.tsx';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { FinanceOverview, StatementSchedule } from '../../../shared/finance/statements.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { query, useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, LoadState, Section } from '../../app/ui.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { grantPath } from './grants-api.ts';
import { shortDate, useKroner, useHours } from '../../app/format.ts';
import { FinanceFrame, financePath, useFinanceYear, YearSelect } from './FinanceFrame.tsx';
import { useStatementMessages } from './statement-messages.ts';
import { DataTable } from '../../app/table.tsx';
import { TotalsTable } from './finance-parts.tsx';

export const statementPath = (slug: string, number: string, year: number) =>
  `${financePath(slug)}/kommuner/${number}${query({ aar: year })}`;
const overviewApi = (networkId: string) => `/networks/${networkId}/finance/overview`;

/** `/n/:slug/okonomi`: what each member pays and contributes in the year, with a link to each one's statement. */
export function FinanceOverviewPage() {
  const sm = useStatementMessages();
  return <FinanceFrame title={sm.overview.title}>{(n) => <OverviewView network={n} />}</FinanceFrame>;
}

function OverviewView({ network }: { network: NetworkOverview }) {
  const sm = useStatementMessages();
  const o = sm.overview;
  const kroner = useKroner();
  const hours = useHours();
  const [params] = useSearchParams();
  const [chosen, setYear] = useFinanceYear();
  // Without a year in the address the server opens on the latest year the network has finance in, and says which.
  const asked = params.has('aar') ? chosen : undefined;
  const overview = useApi<FinanceOverview>(`${overviewApi(network.id)}${query({ year: asked })}`);
  const year = asked ?? overview.data?.year ?? chosen;
  const exportUrl = (format: 'xlsx' | 'csv') => `/api${overviewApi(network.id)}/export${query({ year, format })}`;
  return (
    <div className="dr-stack">
      <Paragraph>{o.intro}</Paragraph>
      <YearSelect year={year} onYear={setYear} label={sm.year} />
      <LoadState loaded={overview}>
        {(v) => (
          <>
            <NetworkYear network={network} overview={v} />
            <Heading level={2} data-size="md">
              {fmt(o.caption, { name: network.name, year: v.year })}
            </Heading>
            <ScheduleNote schedule={v.schedule} year={v.year} />
            <RateNote rate={v.hourlyRate} year={v.year} />
            {v.municipalities.length === 0 ? (
              <Paragraph>{fmt(o.none, { year: v.year })}</Paragraph>
            ) : (
              <TotalsTable
                caption={fmt(o.caption, { name: network.name, year: v.year })}
                columns={[o.municipality, o.fee, o.projects, fmt(o.shares, { year: v.year }), o.pays, o.hours, o.effort]}
                foot={{
                  label: o.total,
                  cells: [
                    v.totals.fee === null ? '–' : kroner(v.totals.fee),
                    v.totals.projectCount,
                    kroner(v.totals.projectShares),
                    kroner(v.totals.pays),
                    hours(v.totals.ownEffortHours),
                    kroner(v.totals.ownEffortValue),
                  ],
                }}
              >
                {v.municipalities.map((m) => (
                  <Table.Row key={m.number}>
                    <Table.HeaderCell scope="row">
                      <AppLink to={statementPath(network.slug, m.number, v.year)}>{m.name}</AppLink>
                    </Table.HeaderCell>
                    <Table.Cell>{m.fee === null ? '–' : kroner(m.fee)}</Table.Cell>
                    <Table.Cell>{m.projectCount}</Table.Cell>
                    <Table.Cell>{kroner(m.projectShares)}</Table.Cell>
                    <Table.Cell>{kroner(m.pays)}</Table.Cell>
                    <Table.Cell>{hours(m.ownEffortHours)}</Table.Cell>
                    <Table.Cell>{kroner(m.ownEffortValue)}</Table.Cell>
                  </Table.Row>
                ))}
              </TotalsTable>
            )}
            <Downloads
              row
              label={o.downloads}
              links={[
                { href: exportUrl('xlsx'), label: o.downloadXlsx },
                { href: exportUrl('csv'), label: o.downloadCsv },
              ]}
            />
          </>
        )}
      </LoadState>
    </div>
  );
}

/**
 * The network's own year: its budget's totals and what grants finance. Links to the budget and the grants only for
 * those who may open them (the chief executives read the figures here).
 */
function NetworkYear({ network, overview: v }: { network: NetworkOverview; overview: FinanceOverview }) {
  const sm = useStatementMessages();
  const t = sm.network;
  const kroner = useKroner();
  const internal = useNetworkCapabilities(network.id).readInternals;
  const grantLines = [...v.grants.baseBudget, ...v.grants.projects];
  return (
    <Section id="network-year-heading" title={fmt(t.heading, { year: v.year })} className="dr-section dr-stack">
      {v.budget ? (
        <>
          <TotalsTable
            caption={fmt(t.budgetCaption, { year: v.year, title: v.budget.title })}
            columns={[t.side, t.budgeted, t.actual, t.remaining]}
            foot={{ label: t.result, cells: [kroner(v.budget.totals.result.budgeted), kroner(v.budget.totals.result.actual), null] }}
          >
            {(['income', 'cost'] as const).map((side) => (
              <Table.Row key={side}>
                <Table.HeaderCell scope="row">{t[side]}</Table.HeaderCell>
                <Table.Cell>{kroner(v.budget!.totals[side].budgeted)}</Table.Cell>
                <Table.Cell>{kroner(v.budget!.totals[side].actual)}</Table.Cell>
                <Table.Cell>{kroner(v.budget!.totals[side].remaining)}</Table.Cell>
              </Table.Row>
            ))}
          </TotalsTable>
          {internal && (
            <Paragraph>
              <AppLink to={`${financePath(network.slug, 'budsjett')}${query({ aar: v.year })}`}>{t.openBudget}</AppLink>
            </Paragraph>
          )}
        </>
      ) : (
        <Paragraph>{fmt(t.noBudget, { year: v.year })}</Paragraph>
      )}
      {grantLines.length === 0 ? (
        <Paragraph>{fmt(t.noGrants, { year: v.year })}</Paragraph>
      ) : (
        <DataTable caption={fmt(t.grantsCaption, { year: v.year })} columns={[t.grant, t.finances, t.amount, t.spent, t.remaining]}>
          {grantLines.map((g) => (
            <Table.Row key={g.allocationId}>
              <Table.HeaderCell scope="row">
                {internal ? <AppLink to={grantPath(network.slug, g.grantId)}>{g.grantTitle}</AppLink> : g.grantTitle}
              </Table.HeaderCell>
              <Table.Cell>{g.project ? `${g.project.reference} ${g.project.title}` : fmt(t.baseBudget, { year: v.year })}</Table.Cell>
              <Table.Cell>{kroner(g.amount)}</Table.Cell>
              <Table.Cell>{kroner(g.spent)}</Table.Cell>
              <Table.Cell>{kroner(g.remaining)}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

/** Which fee schedule the fees come from, and whether it is adopted. */
export function ScheduleNote({ schedule, year }: { schedule: StatementSchedule | null; year: number }) {
  const { lang } = useI18n();
  const sm = useStatementMessages();
  if (!schedule) return <Paragraph data-size="sm">{fmt(sm.schedule.none, { year })}</Paragraph>;
  const d = schedule.decision;
  return (
    <Paragraph data-size="sm">
      {schedule.status === 'adopted' && d
        ? fmt(sm.schedule.adopted, { title: schedule.title, body: d.bodyName, date: shortDate(lang, d.meetingDate) })
        : fmt(sm.schedule.draft, { title: schedule.title })}
    </Paragraph>
  );
}

export function RateNote({ rate, year }: { rate: number | null; year: number }) {
  const sm = useStatementMessages();
  const kroner = useKroner();
  return <Paragraph data-size="sm">{rate === null ? fmt(sm.noRate, { year }) : fmt(sm.rate, { rate: kroner(rate) })}</Paragraph>;
}
