import { useId, type ReactNode } from 'react';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { CurvePoint, IndicatorCurves, ScopeCurves, SummedRealizedPoint } from '../../../shared/benefits/curves.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ChartOrTable } from '../../app/chart-or-table.tsx';
import { DataTable } from '../../app/table.tsx';
import { todayIso } from '../../app/ui.tsx';
import { useWidth } from '../../app/use-width.ts';
import { formatValue, shortDate } from './benefits-api.ts';
import { useCurveMessages } from './curve-messages.ts';
import { niceTicks } from './curve-axis.ts';
import './curves.css';

/**
 * The benefit curves as the pages show them: per indicator and municipality a line chart drawn here in SVG (the
 * planned curve dashed with hollow points, the measured one solid with filled points, dates along and the unit up),
 * with its table behind a toggle, one or the other at a time; the sums above the municipalities' own.
 */

type RealizedPoint = CurvePoint & Partial<Pick<SummedRealizedPoint, 'measuredCount'>>;

/** The chart's width until its box is measured; after that the box's own, so the text keeps its size on a phone. */
const DEFAULT_WIDTH = 640;
const H = 260;
const PAD = { left: 76, right: 20, top: 16, bottom: 44 };
const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);

/** One curve: its title and unit, the planned and the measured points. */
interface CurveProps {
  title: string;
  unit: string;
  planned: CurvePoint[];
  realized: RealizedPoint[];
  /** For a sum: how many municipality plans it adds, so the table can say how many had measured. */
  municipalityCount?: number;
}

/** A curve's chart and table, one at a time, with the choice as a pair of toggle buttons. */
export function CurveFigure(curve: CurveProps) {
  const { title, unit, planned, realized } = curve;
  const captionId = useId();
  return (
    <figure className="dr-curve" aria-labelledby={captionId}>
      <figcaption id={captionId} className="dr-curve-title">
        {title}
      </figcaption>
      <ChartOrTable
        about={captionId}
        chart={<CurveChart unit={unit} planned={planned} realized={realized} />}
        table={<CurveTable {...curve} />}
      />
    </figure>
  );
}

function CurveChart({ unit, planned, realized }: { unit: string; planned: CurvePoint[]; realized: RealizedPoint[] }) {
  const cm = useCurveMessages();
  const { lang } = useI18n();
  const [box, W] = useWidth(DEFAULT_WIDTH);
  const all = [...planned, ...realized];
  const today = todayIso();
  let [d0, d1] = [Math.min(...all.map((p) => dayOf(p.date))), Math.max(...all.map((p) => dayOf(p.date)))];
  if (d0 === d1) [d0, d1] = [d0 - 15, d1 + 15];
  const ticks = niceTicks(Math.min(...all.map((p) => p.value)), Math.max(...all.map((p) => p.value)));
  const [y0, y1] = [ticks[0]!, ticks[ticks.length - 1]!];
  const x = (iso: string) => PAD.left + ((dayOf(iso) - d0) / (d1 - d0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - ((v - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const path = (points: CurvePoint[]) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  // Five dates where they fit, three on a phone.
  const spans = W < 480 ? 2 : 4;
  const dateTicks = Array.from({ length: spans + 1 }, (_, i) => isoOf(d0 + ((d1 - d0) * i) / spans));
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 });
  const last = realized[realized.length - 1];
  const summary = fmt(cm.chartSummary, {
    planned: planned.length,
    first: planned[0] ? `${formatValue(lang, planned[0].value, unit)} (${shortDate(lang, planned[0].date)})` : '–',
    last:
      planned.length > 0
        ? `${formatValue(lang, planned[planned.length - 1]!.value, unit)} (${shortDate(lang, planned[planned.length - 1]!.date)})`
        : '–',
    realized: realized.length,
    latest: last ? fmt(cm.latest, { value: formatValue(lang, last.value, unit), date: shortDate(lang, last.date) }) : '',
  });
  const showToday = dayOf(today) > d0 && dayOf(today) < d1;
  return (
    <div className="dr-curve-chart" ref={box}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <g className="dr-curve-axis">
          {ticks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="dr-curve-grid" />
              <text x={PAD.left - 8} y={y(v)} dy="0.32em" textAnchor="end">
                {number.format(v)}
              </text>
            </g>
          ))}
          {dateTicks.map((d, i) => (
            <text key={d} x={x(d)} y={H - PAD.bottom + 18} textAnchor={i === 0 ? 'start' : i === spans ? 'end' : 'middle'}>
              {shortDate(lang, d)}
            </text>
          ))}
          <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="dr-curve-baseline" />
          <text
            x={14}
            y={(PAD.top + H - PAD.bottom) / 2}
            textAnchor="middle"
            transform={`rotate(-90 14 ${(PAD.top + H - PAD.bottom) / 2})`}
          >
            {fmt(cm.axisUnit, { unit })}
          </text>
        </g>
        {showToday && (
          <g className="dr-curve-today">
            <line x1={x(today)} x2={x(today)} y1={PAD.top} y2={H - PAD.bottom} />
            <text x={x(today) + 4} y={PAD.top + 10}>
              {cm.today}
            </text>
          </g>
        )}
        <path d={path(planned)} className="dr-curve-planned" />
        {planned.map((p) => (
          <circle key={`p${p.date}`} cx={x(p.date)} cy={y(p.value)} r={4} className="dr-curve-planned-point" data-series="planned" />
        ))}
        {realized.length > 0 && <path d={path(realized)} className="dr-curve-realized" />}
        {realized.map((p) => (
          <circle key={`r${p.date}`} cx={x(p.date)} cy={y(p.value)} r={5} className="dr-curve-realized-point" data-series="realized" />
        ))}
      </svg>
      <ul className="dr-curve-legend">
        {(['planned', 'realized'] as const).map((series) => (
          <li key={series}>
            <svg viewBox="0 0 40 12" aria-hidden="true" focusable="false">
              <line x1="2" x2="38" y1="6" y2="6" className={`dr-curve-${series}`} />
              <circle cx="20" cy="6" r="4" className={`dr-curve-${series}-point`} />
            </svg>
            {series === 'planned' ? cm.plannedLegend : cm.realizedLegend}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The chart's points as a table: one row per date, the planned and the measured value side by side. */
function CurveTable({ title, unit, planned, realized, municipalityCount }: CurveProps) {
  const cm = useCurveMessages();
  const { lang } = useI18n();
  const dates = [...new Set([...planned, ...realized].map((p) => p.date))].sort();
  const counted = municipalityCount !== undefined;
  return (
    <DataTable
      caption={fmt(cm.tableCaption, { unit, name: title })}
      columns={[cm.date, cm.planned, cm.realized, counted && cm.measuredCount]}
      size="sm"
    >
      {dates.map((date) => {
        const p = planned.find((x) => x.date === date);
        const r = realized.find((x) => x.date === date);
        return (
          <Table.Row key={date}>
            <Table.HeaderCell scope="row" className="dr-project-nowrap">
              {shortDate(lang, date)}
            </Table.HeaderCell>
            <Table.Cell className="dr-benefit-number">{p ? formatValue(lang, p.value, unit) : '–'}</Table.Cell>
            <Table.Cell className="dr-benefit-number">{r ? formatValue(lang, r.value, unit) : '–'}</Table.Cell>
            {counted && (
              <Table.Cell className="dr-benefit-number">
                {r?.measuredCount === undefined ? '–' : fmt(cm.measuredOf, { count: r.measuredCount, total: municipalityCount })}
              </Table.Cell>
            )}
          </Table.Row>
        );
      })}
    </DataTable>
  );
}

/**
 * An indicator's curves: the sum across its municipalities first where the unit can be summed (or a note that it
 * cannot), then each municipality's.
 */
export function IndicatorCurvesView({ indicator: i, label }: { indicator: IndicatorCurves; label?: (name: string) => string }) {
  const cm = useCurveMessages();
  if (i.municipalities.length === 0) return <Paragraph data-size="sm">{cm.noPlan}</Paragraph>;
  const several = i.municipalities.length > 1;
  return (
    <div className="dr-stack">
      {several && i.rollup && (
        <>
          <CurveFigure
            title={fmt(cm.summedCurve, { count: i.rollup.municipalityCount, indicator: i.name })}
            unit={i.unit}
            planned={i.rollup.planned}
            realized={i.rollup.realized}
            municipalityCount={i.rollup.municipalityCount}
          />
          <Paragraph data-size="sm" className="dr-muted">
            {cm.sumNote}
          </Paragraph>
        </>
      )}
      {several && !i.additive && <Paragraph data-size="sm">{fmt(cm.notSummed, { unit: i.unit })}</Paragraph>}
      <div className="dr-curve-grid-list">
        {i.municipalities.map((m) => (
          <CurveFigure
            key={m.municipalityNumber}
            title={label ? label(m.municipalityName) : fmt(cm.municipalityCurve, { name: m.municipalityName, indicator: i.name })}
            unit={i.unit}
            planned={m.planned}
            realized={m.realized}
          />
        ))}
      </div>
    </div>
  );
}

/** A level's sums, one chart per unit, and the indicators it could not sum named. */
export function ScopeCurvesView({ scope, name, heading }: { scope: ScopeCurves; name: string; heading?: ReactNode }) {
  const cm = useCurveMessages();
  if (scope.sums.length === 0 && scope.notSummed.length === 0) return null;
  return (
    <div className="dr-stack">
      {heading}
      {scope.sums.length === 0 && <Paragraph data-size="sm">{cm.noSums}</Paragraph>}
      {scope.sums.map((sum) => (
        <div key={sum.unit} className="dr-stack">
          <CurveFigure
            title={fmt(cm.unitSum, { unit: sum.unit, scope: name })}
            unit={sum.unit}
            planned={sum.planned}
            realized={sum.realized}
            municipalityCount={sum.municipalityCount}
          />
        </div>
      ))}
      {scope.sums.length > 0 && (
        <Paragraph data-size="sm" className="dr-muted">
          {cm.sumNote}
        </Paragraph>
      )}
      {scope.notSummed.length > 0 && (
        <Paragraph data-size="sm">
          {fmt(cm.notSummedList, { names: scope.notSummed.map((i) => `${i.name} (${i.unit})`).join(', ') })}
        </Paragraph>
      )}
    </div>
  );
}

/** A heading for a block of curves, at the level the page needs. */
export function CurvesHeading({ level, id, children }: { level: 2 | 3 | 4; id?: string; children: ReactNode }) {
  return (
    <Heading level={level} data-size={level === 2 ? 'md' : level === 3 ? 'sm' : 'xs'} id={id}>
      {children}
    </Heading>
  );
}
