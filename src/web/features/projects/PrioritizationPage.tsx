import { useId, useState, type FormEvent, type MouseEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Field, Heading, Label, Link, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { PHASES, type Phase } from '../../../shared/portfolio/projects.ts';
import {
  DEFAULT_AXES,
  MATRIX_AXES,
  MATRIX_COLOURS,
  MATRIX_ITEMS,
  type MatrixAxis,
  type MatrixColour,
  type MatrixItem,
  type MatrixItems,
  type PrioritizationMatrix,
} from '../../../shared/portfolio/prioritization.ts';
import { query, useApi } from '../../app/api.ts';
import { useWidth } from '../../app/use-width.ts';
import { ChartOrTable } from '../../app/chart-or-table.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { DataTable } from '../../app/table.tsx';
import { AppLink, ButtonRow, FilterDisclosure, LoadState } from '../../app/ui.tsx';
import { proposalPath } from '../proposals/index.ts';
import { useProjectMessages } from './messages.ts';
import { prioritizationPath } from './prioritization-path.ts';
import { PortfolioFilterFields, type PortfolioChoices } from './PortfolioFilterFields.tsx';
import { usePrioritizationMessages, type PrioritizationMessages } from './prioritization-messages.ts';
import { projectPath, projectsPath } from './projects-api.ts';
import './prioritization.css';

/** What the page shows, as kept in its address: the axes, the colouring and the filters. */
interface MatrixState {
  x: MatrixAxis;
  y: MatrixAxis;
  colour: MatrixColour;
  items: MatrixItems;
  phase: Phase | '';
  focusArea: string;
  municipality: string;
}

const ITEM_PARAMS: Record<MatrixItems, string | undefined> = { all: undefined, proposals: 'forslag', projects: 'prosjekter' };
const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

function readState(params: URLSearchParams): MatrixState {
  const vis = params.get('vis');
  return {
    x: oneOf(MATRIX_AXES, params.get('x'), DEFAULT_AXES.x),
    y: oneOf(MATRIX_AXES, params.get('y'), DEFAULT_AXES.y),
    colour: params.get('farge') === 'fase' ? 'phase' : 'focusArea',
    items: vis === 'forslag' ? 'proposals' : vis === 'prosjekter' ? 'projects' : 'all',
    phase: oneOf<Phase | ''>(PHASES, params.get('fase'), ''),
    focusArea: params.get('innsatsomrade') ?? '',
    municipality: params.get('kommune') ?? '',
  };
}

const search = (s: MatrixState) =>
  query({
    x: s.x,
    y: s.y,
    farge: s.colour === 'phase' ? 'fase' : undefined,
    vis: ITEM_PARAMS[s.items],
    fase: s.phase,
    innsatsomrade: s.focusArea,
    kommune: s.municipality,
  });

const apiFilter = (s: MatrixState) => ({
  x: s.x,
  y: s.y,
  items: s.items === 'all' ? undefined : s.items,
  phase: s.phase,
  focusArea: s.focusArea,
  municipality: s.municipality,
});

/**
 * `/n/:slug/prosjekter/prioritering`: the network's proposals and projects on two axes of its scoring model, for the
 * portfolio's readers. Every point is a link with its values in its name, reachable by Tab from left to right; a
 * table twin behind the chart-or-table toggle; the axes, the colouring and the filters in the address.
 */
export function PrioritizationPage() {
  const mm = usePrioritizationMessages();
  const network = useNetwork();
  return (
    <Page title={fmt(mm.title, { name: network.name })}>
      <MatrixView network={network} />
    </Page>
  );
}

function MatrixView({ network }: { network: NetworkOverview }) {
  const mm = usePrioritizationMessages();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = readState(params);
  const matrix = useApi<PrioritizationMatrix>(`/networks/${network.id}/prioritization-matrix${query(apiFilter(state))}`);
  const go = (next: MatrixState) => void navigate(prioritizationPath(network.slug, search(next)), { replace: true });
  const download = (format: 'xlsx' | 'csv') => `/api/networks/${network.id}/prioritization-matrix${query({ ...apiFilter(state), format })}`;
  const filters = [state.items !== 'all', state.phase, state.focusArea, state.municipality].filter(Boolean).length;
  return (
    <div className="dr-stack">
      <Paragraph>
        <AppLink to={projectsPath(network.slug)}>{mm.backToPortfolio}</AppLink>
      </Paragraph>
      <Paragraph>{mm.intro}</Paragraph>
      <AxisChoice state={state} onChange={go} />
      <FilterDisclosure active={filters}>
        <MatrixFilter key={params.toString()} network={network} state={state} onApply={go} />
      </FilterDisclosure>
      <LoadState loaded={matrix}>
        {(data) => (
          <>
            <Paragraph>
              {fmt(mm.summary, {
                placed: data.placed.length,
                total: data.placed.length + data.notPlaced.length,
                members: data.memberCount,
              })}
              {data.unassessedProposals > 0 && <> {fmt(mm.unassessed, { count: data.unassessedProposals })}</>}
            </Paragraph>
            <Paragraph data-size="sm" className="dr-downloads">
              <Link href={download('xlsx')} download>
                {mm.downloadXlsx}
              </Link>
              <Link href={download('csv')} download>
                {mm.downloadCsv}
              </Link>
            </Paragraph>
            {data.placed.length === 0 ? (
              <Paragraph>{mm.none}</Paragraph>
            ) : (
              <ChartOrTable
                chart={<MatrixChart network={network} matrix={data} colour={state.colour} />}
                table={<MatrixTable network={network} matrix={data} />}
              />
            )}
            {data.notPlaced.length > 0 && <NotPlaced network={network} items={data.notPlaced} />}
          </>
        )}
      </LoadState>
    </div>
  );
}

/** The axes and the colouring: each choice shows at once and is kept in the address (the focus stays on the select). */
function AxisChoice({ state, onChange }: { state: MatrixState; onChange: (next: MatrixState) => void }) {
  const mm = usePrioritizationMessages();
  return (
    <section aria-labelledby="matrix-axes-heading" className="dr-stack">
      <Heading level={2} data-size="xs" id="matrix-axes-heading">
        {mm.axesHeading}
      </Heading>
      <div className="dr-toolbar">
        {(['x', 'y'] as const).map((axis) => (
          <Field key={axis}>
            <Label>{mm[axis]}</Label>
            <Select value={state[axis]} onChange={(e) => onChange({ ...state, [axis]: oneOf(MATRIX_AXES, e.target.value, state[axis]) })}>
              {MATRIX_AXES.map((a) => (
                <Select.Option key={a} value={a}>
                  {mm.axes[a]}
                </Select.Option>
              ))}
            </Select>
          </Field>
        ))}
        <Field>
          <Label>{mm.colour}</Label>
          <Select
            value={state.colour}
            onChange={(e) => onChange({ ...state, colour: oneOf(MATRIX_COLOURS, e.target.value, state.colour) })}
          >
            {MATRIX_COLOURS.map((c) => (
              <Select.Option key={c} value={c}>
                {mm.colours[c]}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
    </section>
  );
}

// ---------------------------------------------------------------- the chart

/** The chart's width until its box is measured; after that the box's own, so the text keeps its size on a phone. */
const DEFAULT_WIDTH = 720;
const PAD = { left: 52, right: 20, top: 20, bottom: 52 };
/** Every axis runs 1–5 (the criteria, the total and «municipalities» alike), with half a step of room at each end. */
const [LOW, HIGH] = [0.5, 5.5];
const TICKS = [1, 2, 3, 4, 5];

/**
 * Colours that tell the groups apart for most kinds of colour vision (after Okabe and Ito); each point has a dark
 * outline, so it stands out from the background whatever its fill, and its group is in the table and the legend too.
 */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#7F5A9E', '#8C6D1F', '#2F6F6F'];
const NO_GROUP_FILL = '#FFFFFF';

interface Group {
  key: string;
  label: string;
  fill: string;
}

/** The colour groups in a stable order (the strategy's focus areas, or proposal and the phases), whichever are used. */
function groupsOf(matrix: PrioritizationMatrix, colour: MatrixColour, mm: PrioritizationMessages, phases: Record<Phase, string>) {
  const all: Array<{ key: string; label: string }> =
    colour === 'phase'
      ? [{ key: 'proposal', label: mm.proposalGroup }, ...PHASES.map((p) => ({ key: p, label: phases[p] }))]
      : [
          ...matrix.focusAreas.map((f) => ({ key: f.key, label: f.title })),
          // A key the strategy in force no longer has, by its last title.
          ...[...new Map(matrix.placed.flatMap((i) => i.focusAreas.slice(0, 1)).map((f) => [f.key, f.title ?? f.key])).entries()]
            .filter(([key]) => !matrix.focusAreas.some((f) => f.key === key))
            .map(([key, label]) => ({ key, label })),
        ];
  const groups = new Map<string, Group>(all.map((g, i) => [g.key, { ...g, fill: PALETTE[i % PALETTE.length]! }]));
  groups.set('', { key: '', label: mm.noFocusArea, fill: NO_GROUP_FILL });
  return groups;
}

const groupKey = (item: MatrixItem, colour: MatrixColour) =>
  colour === 'phase' ? (item.phase ?? 'proposal') : (item.focusAreas[0]?.key ?? '');

const itemPath = (slug: string, item: MatrixItem) => (item.type === 'proposal' ? proposalPath(slug, item.reference) : projectPath(slug, item.reference));

/** A point's radius: its area grows with the share of the members that want it. */
const radius = (count: number, members: number) => 5 + 13 * Math.sqrt(Math.min(count, members) / Math.max(members, 1));

function useValueText() {
  const { lang } = useI18n();
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 });
  return (value: number | null) => (value === null ? '–' : number.format(value));
}

const municipalityText = (mm: PrioritizationMessages, count: number) =>
  count === 1 ? mm.municipalityCount.one : fmt(mm.municipalityCount.other, { count });

/** A point's accessible name: what it is, its two values and how many municipalities want it. */
function usePointName() {
  const mm = usePrioritizationMessages();
  const value = useValueText();
  return (item: MatrixItem, x: MatrixAxis, y: MatrixAxis) =>
    fmt(mm.pointLabel, {
      title: item.title,
      reference: item.reference,
      type: mm.types[item.type],
      x: mm.axisShort[x],
      xValue: value(item.x),
      y: mm.axisShort[y],
      yValue: value(item.y),
      municipalities: municipalityText(mm, item.municipalityCount),
    });
}

/**
 * The scatter, drawn here in SVG: the chosen criteria on the axes, a point per item sized by the municipalities that
 * want it and coloured by its group. The points are links in reading order (left to right, top to bottom), so Tab
 * goes through them in the order the eye does and Enter opens one. Points at the same place are spread around it in a
 * small ring, and each one's name says which of how many it is.
 */
function MatrixChart({ network, matrix, colour }: { network: NetworkOverview; matrix: PrioritizationMatrix; colour: MatrixColour }) {
  const mm = usePrioritizationMessages();
  const pm = useProjectMessages();
  const navigate = useNavigate();
  const name = usePointName();
  const value = useValueText();
  const captionId = useId();
  const [box, W] = useWidth(DEFAULT_WIDTH);
  const [focused, setFocused] = useState<string | null>(null);
  const H = Math.round(Math.min(560, Math.max(300, W * 0.72)));
  const px = (v: number) => PAD.left + ((v - LOW) / (HIGH - LOW)) * (W - PAD.left - PAD.right);
  const py = (v: number) => H - PAD.bottom - ((v - LOW) / (HIGH - LOW)) * (H - PAD.top - PAD.bottom);
  const groups = groupsOf(matrix, colour, mm, pm.phases);
  const used = [...new Set(matrix.placed.map((i) => groupKey(i, colour)))];
  const legend = [...groups.values()].filter((g) => used.includes(g.key));

  // Items at the same place: each gets its index in the group and an offset on a small ring around the place.
  const places = new Map<string, MatrixItem[]>();
  for (const item of matrix.placed) {
    const key = `${item.x}|${item.y}`;
    places.set(key, [...(places.get(key) ?? []), item]);
  }
  const ring = Math.min(22, (W - PAD.left - PAD.right) / 14);
  const points = matrix.placed.map((item) => {
    const together = places.get(`${item.x}|${item.y}`)!;
    const index = together.indexOf(item);
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / together.length;
    const spread = together.length > 1 ? ring : 0;
    const label =
      together.length > 1
        ? `${name(item, matrix.x, matrix.y)}, ${fmt(mm.samePlace, { index: index + 1, count: together.length })}`
        : name(item, matrix.x, matrix.y);
    return {
      item,
      label,
      cx: px(item.x!) + spread * Math.cos(angle),
      cy: py(item.y!) + spread * Math.sin(angle),
      r: radius(item.municipalityCount, matrix.memberCount),
      group: groups.get(groupKey(item, colour)) ?? groups.get('')!,
    };
  });
  const showReferences = points.length <= 40;
  const focusedPoint = points.find((p) => p.item.reference === focused);
  const open = (event: MouseEvent, item: MatrixItem) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(itemPath(network.slug, item));
  };
  const samples = [...new Set([1, Math.round(matrix.memberCount / 2), matrix.memberCount])].filter((n) => n > 0);
  return (
    <figure className="dr-matrix" aria-labelledby={captionId}>
      <figcaption id={captionId} className="dr-visually-hidden">
        {fmt(mm.tableCaption, { x: mm.axes[matrix.x], y: mm.axes[matrix.y] })}
      </figcaption>
      <div className="dr-matrix-chart" ref={box}>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width={W}
          height={H}
          role="group"
          aria-label={fmt(mm.chartLabel, { x: mm.axes[matrix.x], y: mm.axes[matrix.y] })}
        >
          <g className="dr-matrix-axis" aria-hidden="true">
            {TICKS.map((t) => (
              <g key={t}>
                <line x1={px(t)} x2={px(t)} y1={PAD.top} y2={H - PAD.bottom} className="dr-matrix-grid" />
                <line x1={PAD.left} x2={W - PAD.right} y1={py(t)} y2={py(t)} className="dr-matrix-grid" />
                <text x={px(t)} y={H - PAD.bottom + 18} textAnchor="middle">
                  {t}
                </text>
                <text x={PAD.left - 10} y={py(t)} dy="0.32em" textAnchor="end">
                  {t}
                </text>
              </g>
            ))}
            <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="dr-matrix-baseline" />
            <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className="dr-matrix-baseline" />
            <text x={(PAD.left + W - PAD.right) / 2} y={H - 10} textAnchor="middle" className="dr-matrix-axis-title">
              {mm.axes[matrix.x]} →
            </text>
            <text
              x={14}
              y={(PAD.top + H - PAD.bottom) / 2}
              textAnchor="middle"
              transform={`rotate(-90 14 ${(PAD.top + H - PAD.bottom) / 2})`}
              className="dr-matrix-axis-title"
            >
              {mm.axes[matrix.y]} →
            </text>
          </g>
          {points.map((p) => (
            <a
              key={p.item.reference}
              href={itemPath(network.slug, p.item)}
              aria-label={p.label}
              className="dr-matrix-point"
              data-type={p.item.type}
              onClick={(event) => open(event, p.item)}
              onFocus={() => setFocused(p.item.reference)}
              onBlur={() => setFocused((f) => (f === p.item.reference ? null : f))}
            >
              <circle cx={p.cx} cy={p.cy} r={p.r + 4} className="dr-matrix-ring" />
              {p.item.type === 'project' ? (
                // A project is a square, a proposal a circle: the kind is not told by colour alone.
                <rect
                  x={p.cx - p.r}
                  y={p.cy - p.r}
                  width={2 * p.r}
                  height={2 * p.r}
                  rx={2}
                  fill={p.group.fill}
                  className="dr-matrix-mark"
                />
              ) : (
                <circle cx={p.cx} cy={p.cy} r={p.r} fill={p.group.fill} className="dr-matrix-mark" />
              )}
              {showReferences && (
                // Beside the point, on its left near the right edge so a phone does not cut it off.
                <text
                  x={p.cx > W - 90 ? p.cx - p.r - 3 : p.cx + p.r + 3}
                  y={p.cy - p.r}
                  textAnchor={p.cx > W - 90 ? 'end' : 'start'}
                  className="dr-matrix-reference"
                  aria-hidden="true"
                >
                  {p.item.reference}
                </text>
              )}
            </a>
          ))}
        </svg>
      </div>
      <p className="dr-matrix-focused" aria-hidden="true">
        {focusedPoint
          ? fmt(mm.focused, {
              name: `${focusedPoint.item.title} (${focusedPoint.item.reference}): ${mm.axisShort[matrix.x]} ${value(focusedPoint.item.x)}, ${mm.axisShort[matrix.y]} ${value(focusedPoint.item.y)}`,
            })
          : ' '}
      </p>
      <div className="dr-matrix-legends">
        <div>
          <p className="dr-matrix-legend-title">{fmt(mm.legendColour, { colour: mm.colours[colour].toLowerCase() })}</p>
          <ul className="dr-matrix-legend">
            {legend.map((g) => (
              <li key={g.key}>
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <circle cx="8" cy="8" r="6" fill={g.fill} className="dr-matrix-mark" />
                </svg>
                {g.label}
              </li>
            ))}
            <li>
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <circle cx="8" cy="8" r="6" fill={NO_GROUP_FILL} className="dr-matrix-mark" />
              </svg>
              {mm.shapeProposal}
            </li>
            <li>
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <rect x="2" y="2" width="12" height="12" rx="1" fill={NO_GROUP_FILL} className="dr-matrix-mark" />
              </svg>
              {mm.shapeProject}
            </li>
          </ul>
        </div>
        <div>
          <p className="dr-matrix-legend-title">{mm.legendSize}</p>
          <ul className="dr-matrix-legend">
            {samples.map((n) => {
              const r = radius(n, matrix.memberCount);
              return (
                <li key={n}>
                  <svg viewBox={`0 0 ${2 * r + 4} ${2 * r + 4}`} width={2 * r + 4} height={2 * r + 4} aria-hidden="true" focusable="false">
                    <circle cx={r + 2} cy={r + 2} r={r} fill={NO_GROUP_FILL} className="dr-matrix-mark" />
                  </svg>
                  {municipalityText(mm, n)}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </figure>
  );
}

// ---------------------------------------------------------------- the table twin and the rest

function kindText(item: MatrixItem, mm: PrioritizationMessages, phases: Record<Phase, string>) {
  const state = item.phase ? phases[item.phase].toLowerCase() : item.status ? mm.statuses[item.status] : null;
  return state ? `${mm.types[item.type]}, ${state}` : mm.types[item.type];
}

/** The chart's points as a table, in the same order: each item with its two values, its municipalities and total. */
function MatrixTable({ network, matrix }: { network: NetworkOverview; matrix: PrioritizationMatrix }) {
  const mm = usePrioritizationMessages();
  const pm = useProjectMessages();
  const value = useValueText();
  return (
    <DataTable
      caption={fmt(mm.tableCaption, { x: mm.axes[matrix.x], y: mm.axes[matrix.y] })}
      columns={[mm.item, mm.typeAndState, mm.focusAreas, mm.axes[matrix.x], mm.axes[matrix.y], mm.municipalities, mm.total]}
      size="sm"
    >
      {matrix.placed.map((item) => (
        <Table.Row key={item.reference}>
          <Table.HeaderCell scope="row">
            <AppLink to={itemPath(network.slug, item)}>{item.title}</AppLink> <span className="dr-muted">({item.reference})</span>
          </Table.HeaderCell>
          <Table.Cell>{kindText(item, mm, pm.phases)}</Table.Cell>
          <Table.Cell>{item.focusAreas.map((f) => f.title ?? f.key).join(', ') || mm.noFocusArea}</Table.Cell>
          <Table.Cell className="dr-project-number">{value(item.x)}</Table.Cell>
          <Table.Cell className="dr-project-number">{value(item.y)}</Table.Cell>
          <Table.Cell className="dr-project-number">{item.municipalityCount}</Table.Cell>
          <Table.Cell className="dr-project-number">{value(item.total)}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}

/** Projects the matrix cannot place, named rather than given values they do not have. */
function NotPlaced({ network, items }: { network: NetworkOverview; items: MatrixItem[] }) {
  const mm = usePrioritizationMessages();
  const pm = useProjectMessages();
  return (
    <section aria-labelledby="matrix-not-placed" className="dr-stack">
      <Heading level={2} data-size="xs" id="matrix-not-placed">
        {mm.notPlacedHeading} ({items.length})
      </Heading>
      <Paragraph data-size="sm">{mm.notPlacedIntro}</Paragraph>
      <ul className="dr-matrix-not-placed">
        {items.map((item) => (
          <li key={item.reference}>
            <AppLink to={itemPath(network.slug, item)}>{item.title}</AppLink>{' '}
            <span className="dr-muted">
              ({item.reference}, {kindText(item, mm, pm.phases)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Which items, the phase, the focus area and the municipality; nothing changes until the form is sent. */
function MatrixFilter({ network, state, onApply }: { network: NetworkOverview; state: MatrixState; onApply: (next: MatrixState) => void }) {
  const pm = useProjectMessages();
  const mm = usePrioritizationMessages();
  const f = pm.filter;
  const [items, setItems] = useState<string>(state.items);
  const { phase, focusArea, municipality } = state;
  const [choices, setChoices] = useState<PortfolioChoices>({ phase, focusArea, municipality });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      ...state,
      items: oneOf(MATRIX_ITEMS, items, 'all'),
      phase: oneOf<Phase | ''>(PHASES, choices.phase, ''),
      focusArea: choices.focusArea,
      municipality: choices.municipality,
    });
  };
  const filtered = state.items !== 'all' || state.phase || state.focusArea || state.municipality;
  return (
    <form onSubmit={submit} className="dr-project-filter" aria-labelledby="matrix-filter-heading">
      <Heading level={2} data-size="xs" id="matrix-filter-heading">
        {mm.filterHeading}
      </Heading>
      <div className="dr-toolbar">
        <Field>
          <Label>{mm.itemsField}</Label>
          <Select value={items} onChange={(e) => setItems(e.target.value)}>
            {MATRIX_ITEMS.map((i) => (
              <Select.Option key={i} value={i}>
                {mm.items[i]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <PortfolioFilterFields network={network} choices={choices} onChange={setChoices} municipalityLabel={mm.municipalityField} />
      </div>
      <ButtonRow>
        <Button type="submit" variant="secondary">
          {mm.apply}
        </Button>
        {filtered && (
          <Button
            type="button"
            variant="tertiary"
            onClick={() => onApply({ ...state, items: 'all', phase: '', focusArea: '', municipality: '' })}
          >
            {f.clear}
          </Button>
        )}
      </ButtonRow>
    </form>
  );
}
