import type { ReactNode } from 'react';
import { Table } from '@digdir/designsystemet-react';
import type { AdoptionMatrix, ContractTimeline, Landscape } from '../../../shared/mapping/schema.ts';
import { domainPath } from '../../../shared/mapping/domains.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ScrollRegion } from '../../app/ui.tsx';
import { DataTable } from '../../app/table.tsx';
import { STATUS_ORDER, StatusLabel } from './charts.tsx';
import { useFoldedRows } from '../../app/chart-or-table.tsx';
import { byWhatMatters } from './dashboard-api.ts';
import { useDashboardMessages } from './messages.ts';

/** A wide table scrolls sideways in a region a keyboard can reach and a screen reader names. */
export function TableRegion({ caption, children }: { caption: string; children: ReactNode }) {
  const dm = useDashboardMessages();
  return <ScrollRegion label={`${caption} (${dm.tableScroll})`}>{children}</ScrollRegion>;
}

/** A dashboard's zebra table of rows, in its `TableRegion`. */
function DashboardTable({ caption, columns, children }: { caption: string; columns: readonly ReactNode[]; children: ReactNode }) {
  const dm = useDashboardMessages();
  return (
    <DataTable caption={caption} label={`${caption} (${dm.tableScroll})`} columns={columns} size="sm">
      {children}
    </DataTable>
  );
}

/** Municipalities by name in Norwegian order, a number the map does not know as itself. */
const namesOf = (numbers: readonly string[], names: Map<string, string>) =>
  numbers
    .map((n) => names.get(n) ?? n)
    .sort(compareNorwegian)
    .join(', ');

/** A dashboard table of many rows: the first twelve, and «Vis alle» below (`useFoldedRows`). */
function FoldedTable<T>({
  caption,
  columns,
  rows,
  children,
}: {
  caption: string;
  columns: readonly ReactNode[];
  rows: readonly T[];
  children: (row: T) => ReactNode;
}) {
  const { shown, toggle } = useFoldedRows(rows);
  return (
    <>
      <DashboardTable caption={caption} columns={columns}>
        {shown.map(children)}
      </DashboardTable>
      {toggle}
    </>
  );
}

/** The counts behind the adoption chart: each solution with a status, municipalities per status. */
export function AdoptionSummaryTable({ matrix }: { matrix: AdoptionMatrix }) {
  const dm = useDashboardMessages();
  const { number } = useI18n();
  const total = matrix.municipalities.length;
  const shown = matrix.solutions.filter((s) => Object.keys(s.statusCounts).length > 0);
  return (
    <TableRegion caption={dm.adoption.summaryCaption}>
      <Table zebra data-size="sm">
        <caption>{dm.adoption.summaryCaption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{dm.adoption.solution}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{dm.adoption.users}</Table.HeaderCell>
            {STATUS_ORDER.map((status) => (
              <Table.HeaderCell key={status} scope="col">
                {dm.adoptionStatuses[status]}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell scope="col">{dm.noStatus}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {shown.map((s) => {
            const recorded = Object.values(s.statusCounts).reduce((a, b) => a + b, 0);
            return (
              <Table.Row key={s.key}>
                <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
                <Table.Cell>{fmt(dm.adoption.usage, { count: s.inUseCount, total, name: s.name })}</Table.Cell>
                {STATUS_ORDER.map((status) => (
                  <Table.Cell key={status}>{number(s.statusCounts[status] ?? 0)}</Table.Cell>
                ))}
                <Table.Cell>{number(total - recorded)}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableRegion>
  );
}

/** The matrix itself, as exported: a row per municipality, a column per solution, the totals last. */
export function AdoptionMatrixTable({ matrix }: { matrix: AdoptionMatrix }) {
  const dm = useDashboardMessages();
  const { number } = useI18n();
  return (
    <TableRegion caption={dm.adoption.matrixCaption}>
      <Table data-size="sm" className="dr-matrix">
        <caption>{dm.adoption.matrixCaption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{dm.columns.municipalityNumber}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{dm.columns.municipality}</Table.HeaderCell>
            {matrix.solutions.map((s) => (
              <Table.HeaderCell key={s.key} scope="col">
                {s.name}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {matrix.municipalities.map((m, i) => (
            <Table.Row key={m.number}>
              <Table.Cell>{m.number}</Table.Cell>
              <Table.HeaderCell scope="row">{m.name}</Table.HeaderCell>
              {matrix.solutions.map((s, j) => (
                <Table.Cell key={s.key}>
                  <StatusLabel status={matrix.cells[i]?.[j] ?? null} />
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
        <tfoot>
          <Table.Row>
            <Table.Cell />
            <Table.HeaderCell scope="row">{dm.columns.inUse}</Table.HeaderCell>
            {matrix.solutions.map((s) => (
              <Table.Cell key={s.key}>{number(s.inUseCount)}</Table.Cell>
            ))}
          </Table.Row>
        </tfoot>
      </Table>
    </TableRegion>
  );
}

/** The numbers behind the domain chart. */
export function DomainTable({ landscape }: { landscape: Landscape }) {
  const dm = useDashboardMessages();
  const { lang, number } = useI18n();
  return (
    <FoldedTable
      caption={dm.landscape.domainsCaption}
      columns={[dm.columns.domain, dm.columns.productCount, dm.columns.municipalityCount, dm.columns.standardizationCandidate]}
      rows={byWhatMatters(landscape.domains)}
    >
      {(d) => (
        <Table.Row key={d.key}>
          <Table.HeaderCell scope="row">{domainPath(d.key, lang)}</Table.HeaderCell>
          <Table.Cell>{number(d.productCount)}</Table.Cell>
          <Table.Cell>{number(d.municipalityCount)}</Table.Cell>
          <Table.Cell>{d.standardizationCandidate ? dm.yes : dm.no}</Table.Cell>
        </Table.Row>
      )}
    </FoldedTable>
  );
}

/** Who uses what, as exported: a row per product with its municipalities. */
export function ProductTable({ landscape }: { landscape: Landscape }) {
  const dm = useDashboardMessages();
  const { lang, number } = useI18n();
  const names = new Map(landscape.municipalities.map((m) => [m.number, m.name]));
  return (
    <FoldedTable
      caption={dm.landscape.productsCaption}
      columns={[dm.columns.domain, dm.columns.product, dm.columns.vendor, dm.columns.municipalityCount, dm.columns.municipalities]}
      rows={byWhatMatters(landscape.domains).flatMap((d) => d.products.map((p) => ({ d, p })))}
    >
      {({ d, p }) => (
        <Table.Row key={`${d.key}-${p.id}`}>
          <Table.Cell>{domainPath(d.key, lang)}</Table.Cell>
          <Table.HeaderCell scope="row">{p.name}</Table.HeaderCell>
          <Table.Cell>{p.vendor}</Table.Cell>
          <Table.Cell>{number(p.municipalityNumbers.length)}</Table.Cell>
          <Table.Cell>{namesOf(p.municipalityNumbers, names)}</Table.Cell>
        </Table.Row>
      )}
    </FoldedTable>
  );
}

export function MunicipalityCountTable({ landscape }: { landscape: Landscape }) {
  const dm = useDashboardMessages();
  const { number } = useI18n();
  return (
    <FoldedTable
      caption={dm.landscape.perMunicipalityCaption}
      columns={[dm.columns.municipalityNumber, dm.columns.municipality, dm.columns.applicationCount]}
      rows={landscape.municipalities}
    >
      {(m) => (
        <Table.Row key={m.number}>
          <Table.Cell>{m.number}</Table.Cell>
          <Table.HeaderCell scope="row">{m.name}</Table.HeaderCell>
          <Table.Cell>{number(m.applicationCount)}</Table.Cell>
        </Table.Row>
      )}
    </FoldedTable>
  );
}

/** Contracts ending per domain and year: a table whose cells are shaded by count, the timeline's chart. */
export function ContractHeatmap({ timeline }: { timeline: ContractTimeline }) {
  const dm = useDashboardMessages();
  const { lang, number } = useI18n();
  const first = Number(timeline.from.slice(0, 4));
  const last = Number(timeline.to.slice(0, 4));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const domains = [...new Set(timeline.contracts.map((c) => c.domain))];
  const count = (domain: string, year: number) =>
    timeline.contracts.filter((c) => c.domain === domain && Number(c.contractEnd.slice(0, 4)) === year).length;
  const shade = (n: number) => (n === 0 ? 'dr-heat-0' : n === 1 ? 'dr-heat-1' : n <= 3 ? 'dr-heat-2' : 'dr-heat-3');
  return (
    <TableRegion caption={dm.contracts.chartCaption}>
      <Table data-size="sm" className="dr-heatmap">
        <caption>{dm.contracts.chartCaption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{dm.columns.domain}</Table.HeaderCell>
            {years.map((y) => (
              <Table.HeaderCell key={y} scope="col">
                {y}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell scope="col">{dm.contracts.total}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {domains.map((d) => (
            <Table.Row key={d}>
              <Table.HeaderCell scope="row">{domainPath(d, lang)}</Table.HeaderCell>
              {years.map((y) => {
                const n = count(d, y);
                return (
                  <Table.Cell key={y} className={shade(n)}>
                    {number(n)}
                  </Table.Cell>
                );
              })}
              <Table.Cell>{number(timeline.contracts.filter((c) => c.domain === d).length)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableRegion>
  );
}

export function WindowTable({ timeline }: { timeline: ContractTimeline }) {
  const dm = useDashboardMessages();
  const { lang, date } = useI18n();
  const names = new Map(timeline.contracts.map((c) => [c.municipalityNumber, c.municipalityName]));
  return (
    <DashboardTable caption={dm.contracts.windowsCaption} columns={[dm.columns.domain, dm.contracts.period, dm.columns.municipalities]}>
      {timeline.procurementWindows.map((w) => (
        <Table.Row key={`${w.domain}-${w.from}`}>
          <Table.HeaderCell scope="row">{domainPath(w.domain, lang)}</Table.HeaderCell>
          <Table.Cell>
            {date(w.from)} – {date(w.to)}
          </Table.Cell>
          <Table.Cell>{namesOf(w.municipalityNumbers, names)}</Table.Cell>
        </Table.Row>
      ))}
    </DashboardTable>
  );
}

/** The contracts, as exported. */
export function ContractTable({ timeline }: { timeline: ContractTimeline }) {
  const dm = useDashboardMessages();
  const { lang, date, number } = useI18n();
  const windowOf = new Map<string, string>();
  for (const w of timeline.procurementWindows) for (const id of w.applicationIds) windowOf.set(id, `${date(w.from)} – ${date(w.to)}`);
  return (
    <DashboardTable
      caption={dm.contracts.listCaption}
      columns={[
        dm.columns.contractEnd,
        dm.columns.domain,
        dm.columns.product,
        dm.columns.vendor,
        dm.columns.municipalityNumber,
        dm.columns.municipality,
        dm.columns.contractOptions,
        dm.columns.annualCost,
        dm.columns.procurementWindow,
      ]}
    >
      {timeline.contracts.map((c) => (
        <Table.Row key={c.applicationId}>
          <Table.Cell>{date(c.contractEnd)}</Table.Cell>
          <Table.Cell>{domainPath(c.domain, lang)}</Table.Cell>
          <Table.HeaderCell scope="row">{c.productName}</Table.HeaderCell>
          <Table.Cell>{c.vendor}</Table.Cell>
          <Table.Cell>{c.municipalityNumber}</Table.Cell>
          <Table.Cell>{c.municipalityName}</Table.Cell>
          <Table.Cell>{c.contractOptions ?? ''}</Table.Cell>
          <Table.Cell>{c.annualCost === null ? '' : number(c.annualCost / 100)}</Table.Cell>
          <Table.Cell>{windowOf.get(c.applicationId) ?? ''}</Table.Cell>
        </Table.Row>
      ))}
    </DashboardTable>
  );
}
