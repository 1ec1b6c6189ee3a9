import { useState } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { NavLink, useSearchParams } from 'react-router';
import type { AdoptionMatrix, ContractTimeline, Landscape } from '../../../shared/mapping/schema.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, FilterDisclosure, LoadState, Section } from '../../app/ui.tsx';
import { AdoptionChart, DomainChart, Empty } from './charts.tsx';
import { apiPath, dashboardPath, DEFAULT_MONTHS, readFilter, VIEWS, type DashboardView, type Filter } from './dashboard-api.ts';
import { FilterForm } from './FilterForm.tsx';
import { useDashboardMessages } from './messages.ts';
import { PublicationPanel } from './PublicationPanel.tsx';
import { ChartOrTable } from '../../app/chart-or-table.tsx';
import { RuleText, StandardizationRulePanel } from './StandardizationRulePanel.tsx';
import {
  AdoptionMatrixTable,
  AdoptionSummaryTable,
  ContractHeatmap,
  ContractTable,
  DomainTable,
  MunicipalityCountTable,
  ProductTable,
  WindowTable,
} from './tables.tsx';
import './dashboards.css';

/**
 * `/n/:slug/kartlegging` (shared solutions), `…/fagsystemer` (applications), `…/avtaler` (contracts): a network's
 * mapping dashboards over its current members, each a chart with its table, a filter in the address, and the
 * table as Excel or CSV.
 */
export function DashboardPage({ view }: { view: DashboardView }) {
  const dm = useDashboardMessages();
  const network = useNetwork();
  const title = fmt(dm.title, { name: network.name });
  return (
    <Page title={title}>
      <Dashboard network={network} view={view} />
    </Page>
  );
}

function Dashboard({ network, view }: { network: NetworkOverview; view: DashboardView }) {
  const dm = useDashboardMessages();
  const [params] = useSearchParams();
  const filter = readFilter(params);
  const members = network.members
    .filter((x) => x.isCurrent)
    .map((x) => ({ number: x.municipalityNumber, name: x.municipalityName }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const search = params.toString() ? `?${params.toString()}` : '';
  const [ruleSaves, setRuleSaves] = useState(0);
  return (
    <div className="dr-stack">
      <nav aria-label={dm.viewsLabel} className="dr-subnav dr-dashboard-tabs">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <NavLink to={dashboardPath(network.slug, v, search)} end>
                {dm.views[v]}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Paragraph data-size="sm" className="dr-downloads">
        <AppLink to={`/n/${network.slug}/undersokelser`}>{dm.related.maturity}</AppLink>
        <AppLink to={`/n/${network.slug}/kartlegging/import`}>{dm.related.import}</AppLink>
      </Paragraph>
      <Section id="dashboard-heading" title={dm.views[view]} className="dr-stack">
        <FilterDisclosure
          active={
            (filter.municipalities.length > 0 ? 1 : 0) +
            (view !== 'adoption' && filter.domain ? 1 : 0) +
            (view === 'contracts' && filter.months !== DEFAULT_MONTHS ? 1 : 0)
          }
        >
          <FilterForm
            key={search}
            filter={filter}
            municipalities={members}
            path={dashboardPath(network.slug, view)}
            withDomain={view !== 'adoption'}
            withMonths={view === 'contracts'}
          />
        </FilterDisclosure>
        <ExportLinks networkId={network.id} view={view} filter={filter} />
        {view === 'adoption' && <AdoptionView networkId={network.id} filter={filter} />}
        {/* A saved rule marks other candidates: the landscape is read again. */}
        {view === 'landscape' && <LandscapeView key={ruleSaves} networkId={network.id} filter={filter} />}
        {view === 'contracts' && <ContractsView networkId={network.id} filter={filter} />}
      </Section>
      {view === 'landscape' && <StandardizationRulePanel networkId={network.id} onSaved={() => setRuleSaves((n) => n + 1)} />}
      {view !== 'contracts' && <PublicationPanel network={network} />}
    </div>
  );
}

function ExportLinks({ networkId, view, filter }: { networkId: string; view: DashboardView; filter: Filter }) {
  const dm = useDashboardMessages();
  return (
    <Downloads
      links={exportLinks((format) => `/api${apiPath(networkId, view, filter, format)}`, { xlsx: dm.exports.xlsx, csv: dm.exports.csv })}
    />
  );
}

function AdoptionView({ networkId, filter }: { networkId: string; filter: Filter }) {
  const dm = useDashboardMessages();
  const matrix = useApi<AdoptionMatrix>(apiPath(networkId, 'adoption', filter));
  return (
    <LoadState loaded={matrix}>
      {(data) => (
        <div className="dr-stack">
          <Paragraph>{dm.adoption.intro}</Paragraph>
          {data.solutions.every((s) => Object.keys(s.statusCounts).length === 0) ? (
            <Empty>{dm.adoption.none}</Empty>
          ) : (
            <ChartOrTable chart={<AdoptionChart matrix={data} />} table={<AdoptionSummaryTable matrix={data} />} />
          )}
          <Heading level={3} data-size="xs">
            {dm.adoption.matrixHeading}
          </Heading>
          <AdoptionMatrixTable matrix={data} />
        </div>
      )}
    </LoadState>
  );
}

function LandscapeView({ networkId, filter }: { networkId: string; filter: Filter }) {
  const dm = useDashboardMessages();
  const landscape = useApi<Landscape>(apiPath(networkId, 'landscape', filter));
  return (
    <LoadState loaded={landscape}>
      {(data) => (
        <div className="dr-stack">
          <Paragraph>{dm.landscape.intro}</Paragraph>
          <RuleText rule={data.rule} />
          {data.domains.length === 0 ? (
            <Empty>{dm.landscape.none}</Empty>
          ) : (
            <>
              <ChartOrTable chart={<DomainChart landscape={data} />} table={<DomainTable landscape={data} />} />
              <Heading level={3} data-size="xs">
                {dm.landscape.productsHeading}
              </Heading>
              <ProductTable landscape={data} />
            </>
          )}
          <Heading level={3} data-size="xs">
            {dm.landscape.perMunicipalityHeading}
          </Heading>
          <MunicipalityCountTable landscape={data} />
        </div>
      )}
    </LoadState>
  );
}

function ContractsView({ networkId, filter }: { networkId: string; filter: Filter }) {
  const dm = useDashboardMessages();
  const { date } = useI18n();
  const timeline = useApi<ContractTimeline>(apiPath(networkId, 'contracts', filter));
  return (
    <LoadState loaded={timeline}>
      {(data) => (
        <div className="dr-stack">
          <Paragraph>{fmt(dm.contracts.intro, { months: filter.months, from: date(data.from), to: date(data.to) })}</Paragraph>
          {data.contracts.length === 0 ? (
            <Empty>{dm.contracts.none}</Empty>
          ) : (
            <>
              <Heading level={3} data-size="xs">
                {dm.contracts.chartHeading}
              </Heading>
              <ContractHeatmap timeline={data} />
              <Heading level={3} data-size="xs">
                {dm.contracts.windowsHeading}
              </Heading>
              <Paragraph data-size="sm">{dm.contracts.windowsRule}</Paragraph>
              {data.procurementWindows.length === 0 ? <Empty>{dm.contracts.noWindows}</Empty> : <WindowTable timeline={data} />}
              <Heading level={3} data-size="xs">
                {dm.contracts.listHeading}
              </Heading>
              <ContractTable timeline={data} />
            </>
          )}
        </div>
      )}
    </LoadState>
  );
}

export const AdoptionDashboardPage = () => <DashboardPage view="adoption" />;
export const LandscapeDashboardPage = () => <DashboardPage view="landscape" />;
export const ContractsDashboardPage = () => <DashboardPage view="contracts" />;
