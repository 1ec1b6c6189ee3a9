import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { Button, Heading, Link, Paragraph, Switch, Table } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { PHASES, RISK_KINDS, riskLevel, type Phase, type RiskKind } from '../../../shared/portfolio/projects.ts';
import { RISK_MAP_STAGES, RISK_SCALE, type RiskMap, type RiskMapEntry, type RiskMapStage } from '../../../shared/portfolio/risk-map.ts';
import { query, useApi } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { NetworkTitledPage } from '../../app/network-titled-page.tsx';
import { AppLink, ButtonRow, FilterDisclosure, LoadState } from '../../app/ui.tsx';
import { useProjectMessages } from './messages.ts';
import { projectsPath, projectTabPath } from './projects-api.ts';
import { useRiskMapMessages, type RiskMapMessages } from './risk-map-messages.ts';
import { riskMapPath } from './risk-map-path.ts';
import { PortfolioFilterFields, PortfolioFilterForm, type PortfolioChoices } from './PortfolioFilterFields.tsx';
import { DataTable } from '../../app/table.tsx';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import './risk-map.css';

/** What the page shows, as kept in its address: the kind, the filters and the open cell. */
interface MapState {
  kind: RiskKind;
  phase: Phase | '';
  focusArea: string;
  municipality: string;
  /** A programme's id, or `none`. */
  programme: string;
  cell: { stage: RiskMapStage; probability: number; consequence: number } | null;
}

const STAGE_PARAMS: Record<RiskMapStage, string> = { before: 'for', after: 'etter' };

function readState(params: URLSearchParams): MapState {
  const phase = params.get('fase') ?? '';
  const cell = /^(for|etter)-([1-5])-([1-5])$/.exec(params.get('rute') ?? '');
  return {
    kind: params.get('type') === 'muligheter' ? 'opportunity' : 'threat',
    phase: (PHASES as readonly string[]).includes(phase) ? (phase as Phase) : '',
    focusArea: params.get('innsatsomrade') ?? '',
    municipality: params.get('kommune') ?? '',
    programme: params.get('program') ?? '',
    cell: cell ? { stage: cell[1] === 'for' ? 'before' : 'after', probability: Number(cell[2]), consequence: Number(cell[3]) } : null,
  };
}

const search = (s: MapState) =>
  query({
    type: s.kind === 'opportunity' ? 'muligheter' : undefined,
    fase: s.phase,
    innsatsomrade: s.focusArea,
    kommune: s.municipality,
    program: s.programme,
    rute: s.cell ? `${STAGE_PARAMS[s.cell.stage]}-${s.cell.probability}-${s.cell.consequence}` : undefined,
  });

const apiFilter = (s: MapState) => ({
  kind: s.kind,
  phase: s.phase,
  focusArea: s.focusArea,
  municipality: s.municipality,
  programme: s.programme,
});

/**
 * `/n/:slug/prosjekter/risikokart`: the network's risk map (threats) or opportunity map, before and after the
 * measures, for the portfolio's readers. Each cell is a button with its count and its meaning in words; the maps have
 * a table twin; a cell opens its entries with their projects below the maps.
 */
export function RiskMapPage() {
  const rm = useRiskMapMessages();
  return <NetworkTitledPage title={rm.title}>{(network) => <RiskMapView network={network} />}</NetworkTitledPage>;
}

function RiskMapView({ network }: { network: NetworkOverview }) {
  const rm = useRiskMapMessages();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = readState(params);
  const [asTable, setAsTable] = useState(false);
  const map = useApi<RiskMap>(`/networks/${network.id}/risk-map${query(apiFilter(state))}`);
  const go = (next: MapState) => void navigate(riskMapPath(network.slug, search(next)));
  const download = (format: 'xlsx' | 'csv') => `/api/networks/${network.id}/risk-map${query({ ...apiFilter(state), format })}`;
  return (
    <div className="dr-stack">
      <Paragraph>
        <AppLink to={projectsPath(network.slug)}>{rm.backToPortfolio}</AppLink>
      </Paragraph>
      <Paragraph>{rm.intro}</Paragraph>
      <nav aria-label={rm.kindLegend} className="dr-project-views">
        <ul>
          {RISK_KINDS.map((k) => (
            <li key={k}>
              <Link asChild>
                <RouterLink
                  to={riskMapPath(network.slug, search({ ...state, kind: k, cell: null }))}
                  aria-current={k === state.kind ? 'page' : undefined}
                >
                  {rm.kindsPlural[k]}
                </RouterLink>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FilterDisclosure active={[state.phase, state.focusArea, state.municipality, state.programme].filter(Boolean).length}>
        <MapFilter key={params.toString()} network={network} state={state} onApply={go} />
      </FilterDisclosure>
      <LoadState loaded={map}>
        {(data) => (
          <>
            <Paragraph>
              {fmt(rm.summary[data.kind], { total: data.total, projects: data.projectCount })}
              {data.withoutAfter > 0 && <> {fmt(rm.withoutAfter, { count: data.withoutAfter })}</>}
            </Paragraph>
            <Downloads links={exportLinks(download, { xlsx: rm.downloadXlsx, csv: rm.downloadCsv })} />
            <Switch label={rm.showTable} checked={asTable} onChange={(e) => setAsTable(e.target.checked)} />
            <div className="dr-risk-maps">
              {RISK_MAP_STAGES.map((stage) =>
                asTable ? (
                  <MapTable key={stage} map={data} stage={stage} />
                ) : (
                  <MapGrid
                    key={stage}
                    map={data}
                    stage={stage}
                    selected={state.cell?.stage === stage ? state.cell : null}
                    onOpen={(probability, consequence) => go({ ...state, cell: { stage, probability, consequence } })}
                  />
                ),
              )}
            </div>
          </>
        )}
      </LoadState>
      {state.cell && <CellList network={network} state={state} onClose={() => go({ ...state, cell: null })} />}
    </div>
  );
}

const count = (map: RiskMap, stage: RiskMapStage, probability: number, consequence: number) =>
  map.cells.find((c) => c.probability === probability && c.consequence === consequence)?.[stage] ?? 0;

const ROWS = [...RISK_SCALE].reverse();

/**
 * One map as a 5×5 grid of buttons, probability 5 at the top and consequence rising to the right. The grid is one tab
 * stop: the arrow keys, Home and End move between the cells, Enter or Space opens one. Every button says in words
 * where it is, its level and its count, so neither the position nor the colour is the only sign.
 */
function MapGrid({
  map,
  stage,
  selected,
  onOpen,
}: {
  map: RiskMap;
  stage: RiskMapStage;
  selected: { probability: number; consequence: number } | null;
  onOpen: (probability: number, consequence: number) => void;
}) {
  const rm = useRiskMapMessages();
  const headingId = `risk-map-${stage}`;
  const [active, setActive] = useState(() => (selected ? { p: selected.probability, c: selected.consequence } : { p: 5, c: 1 }));
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const move = (p: number, c: number) => {
    const next = { p: Math.min(5, Math.max(1, p)), c: Math.min(5, Math.max(1, c)) };
    setActive(next);
    buttons.current.get(`${next.p}-${next.c}`)?.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [active.p + 1, active.c],
      ArrowDown: [active.p - 1, active.c],
      ArrowLeft: [active.p, active.c - 1],
      ArrowRight: [active.p, active.c + 1],
      Home: [active.p, 1],
      End: [active.p, 5],
    };
    const to = moves[event.key];
    if (!to) return;
    event.preventDefault();
    move(...to);
  };
  const caption = fmt(rm.mapCaption[map.kind], { stage: rm.stages[stage] });
  return (
    <section className="dr-risk-map" aria-labelledby={headingId}>
      <Heading level={2} data-size="xs" id={headingId}>
        {rm.stages[stage]}
      </Heading>
      <div className="dr-risk-grid" role="group" aria-label={caption} onKeyDown={onKey} data-kind={map.kind}>
        <span className="dr-risk-axis dr-risk-axis-y" aria-hidden="true">
          {rm.probability}
        </span>
        {ROWS.map((p) => (
          <div key={p} className="dr-risk-row">
            <span className="dr-risk-tick" aria-hidden="true">
              {p}
            </span>
            {RISK_SCALE.map((c) => {
              const n = count(map, stage, p, c);
              const level = riskLevel(p * c);
              const isSelected = selected?.probability === p && selected.consequence === c;
              return (
                <button
                  key={c}
                  type="button"
                  ref={(el) => {
                    if (el) buttons.current.set(`${p}-${c}`, el);
                    else buttons.current.delete(`${p}-${c}`);
                  }}
                  className="dr-risk-cell"
                  data-level={level}
                  data-empty={n === 0 ? 'true' : undefined}
                  tabIndex={active.p === p && active.c === c ? 0 : -1}
                  aria-pressed={isSelected}
                  aria-label={fmt(rm.cellLabel[map.kind], { probability: p, consequence: c, level: rm.levels[level], count: n })}
                  onFocus={() => setActive({ p, c })}
                  onClick={() => onOpen(p, c)}
                >
                  {n}
                </button>
              );
            })}
          </div>
        ))}
        <div className="dr-risk-row dr-risk-ticks" aria-hidden="true">
          <span />
          {RISK_SCALE.map((c) => (
            <span key={c} className="dr-risk-tick">
              {c}
            </span>
          ))}
        </div>
        <span className="dr-risk-axis dr-risk-axis-x" aria-hidden="true">
          {map.kind === 'opportunity' ? rm.consequenceGain : rm.consequence}
        </span>
      </div>
    </section>
  );
}

/** The map's table twin: a row per probability (5 first), a column per consequence, the counts in the cells. */
function MapTable({ map, stage }: { map: RiskMap; stage: RiskMapStage }) {
  const rm = useRiskMapMessages();
  const caption = fmt(rm.tableCaption, { caption: fmt(rm.mapCaption[map.kind], { stage: rm.stages[stage] }) });
  return (
    <DataTable caption={caption} columns={[rm.probability, ...RISK_SCALE.map((c) => `${rm.consequence} ${c}`)]} zebra={false}>
      {ROWS.map((p) => (
        <Table.Row key={p}>
          <Table.HeaderCell scope="row">
            {rm.probability} {p}
          </Table.HeaderCell>
          {RISK_SCALE.map((c) => (
            <Table.Cell key={c} className="dr-project-number">
              {count(map, stage, p, c)}
            </Table.Cell>
          ))}
        </Table.Row>
      ))}
    </DataTable>
  );
}

const scoreText = (rm: RiskMapMessages, p: number | null, c: number | null, level: string | null) =>
  p === null || c === null || level === null ? null : `${fmt(rm.scoreValue, { probability: p, consequence: c, score: p * c })} (${level})`;

/** A cell's entries with their projects; its heading takes the focus when it opens, so the reader lands on it. */
function CellList({ network, state, onClose }: { network: NetworkOverview; state: MapState; onClose: () => void }) {
  const rm = useRiskMapMessages();
  const pm = useProjectMessages();
  const cell = state.cell!;
  const heading = useRef<HTMLHeadingElement>(null);
  const entries = useApi<RiskMapEntry[]>(`/networks/${network.id}/risk-map/cell${query({ ...apiFilter(state), ...cell })}`);
  const title = fmt(rm.cellHeading, { stage: rm.stages[cell.stage], probability: cell.probability, consequence: cell.consequence });
  useEffect(() => {
    heading.current?.focus();
  }, [cell.stage, cell.probability, cell.consequence]);
  return (
    <section className="dr-stack" aria-labelledby="risk-cell-heading">
      <Heading level={2} data-size="xs" id="risk-cell-heading" ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <LoadState loaded={entries}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{rm.cellEmpty}</Paragraph>
          ) : (
            <DataTable
              caption={`${title}: ${fmt(rm.cellCount[state.kind], { count: list.length })}`}
              columns={[rm.description, rm.project, rm.before, rm.measures, rm.after, rm.owner]}
            >
              {list.map((e) => (
                <Table.Row key={e.id}>
                  <Table.HeaderCell scope="row" className="dr-project-text">
                    {e.description}
                  </Table.HeaderCell>
                  <Table.Cell>
                    {/* To the plan, where the project's risk register is. */}
                    <AppLink to={projectTabPath(network.slug, e.project.id, 'plan')}>{e.project.title}</AppLink>
                    <span className="dr-muted">
                      {' '}
                      ({e.project.reference}, {pm.phases[e.project.phase]})
                    </span>
                  </Table.Cell>
                  <Table.Cell className="dr-project-nowrap">
                    {scoreText(rm, e.probabilityBefore, e.consequenceBefore, rm.levels[e.levelBefore])}
                  </Table.Cell>
                  <Table.Cell className="dr-project-text">{e.measures ?? <span className="dr-muted">{rm.notSet}</span>}</Table.Cell>
                  <Table.Cell className="dr-project-nowrap">
                    {scoreText(rm, e.probabilityAfter, e.consequenceAfter, e.levelAfter && rm.levels[e.levelAfter]) ?? (
                      <span className="dr-muted">{rm.notSet}</span>
                    )}
                  </Table.Cell>
                  <Table.Cell>{e.owner ?? <span className="dr-muted">{rm.notSet}</span>}</Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          )
        }
      </LoadState>
      <ButtonRow>
        <Button type="button" variant="tertiary" onClick={onClose}>
          {rm.closeCell}
        </Button>
      </ButtonRow>
    </section>
  );
}

/** Phase, focus area and municipality, as the portfolio filters; nothing changes until the form is sent. */
function MapFilter({ network, state, onApply }: { network: NetworkOverview; state: MapState; onApply: (next: MapState) => void }) {
  const rm = useRiskMapMessages();
  const { phase, focusArea, municipality, programme } = state;
  const [choices, setChoices] = useState<PortfolioChoices>({ phase, focusArea, municipality, programme });
  const apply = () => {
    const chosen = readState(new URLSearchParams({ fase: choices.phase }));
    onApply({
      ...state,
      phase: chosen.phase,
      focusArea: choices.focusArea,
      municipality: choices.municipality,
      programme: choices.programme ?? '',
      cell: null,
    });
  };
  return (
    <PortfolioFilterForm
      headingId="risk-filter-heading"
      applyLabel={rm.apply}
      filtered={!!(state.phase || state.focusArea || state.municipality || state.programme)}
      onApply={apply}
      onClear={() => onApply({ ...state, phase: '', focusArea: '', municipality: '', programme: '', cell: null })}
    >
      <PortfolioFilterFields network={network} choices={choices} onChange={setChoices} />
    </PortfolioFilterForm>
  );
}
