import type { RequestContext } from '../../context.ts';
import type { BenefitCurvesAnswer, CurvePoint, SummedCurve, SummedRealizedPoint } from '../../../shared/benefits/curves.ts';
import { renderTable, type ExportColumn, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { CURVE_HEADINGS } from './terms.ts';

/**
 * The curves as a spreadsheet: one row per point, the sums first (the network's, each focus area's, the project's,
 * each benefit's), then each indicator's municipalities; an indicator or a level that cannot be summed says so on a
 * row of its own. The same figures as the charts and their tables.
 */

interface CurveRow {
  level: string;
  name: string | null;
  indicator: string | null;
  unit: string | null;
  municipality: string | null;
  series: string | null;
  date: string | null;
  value: number | null;
  measuredCount: number | null;
}

export async function exportCurves(
  ctx: RequestContext,
  answer: BenefitCurvesAnswer,
  fileName: string,
  format: ExportFormat,
): Promise<RenderedFile> {
  const language = ctx.language;
  const h = (key: keyof typeof CURVE_HEADINGS) => CURVE_HEADINGS[key][language];
  const sumLabel = (count: number) => h('sum').replace('{count}', String(count));
  const pointRows = (
    base: Omit<CurveRow, 'series' | 'date' | 'value' | 'measuredCount'>,
    planned: CurvePoint[],
    realized: CurvePoint[],
  ) => [
    ...planned.map((p): CurveRow => ({ ...base, series: h('planned'), date: p.date, value: p.value, measuredCount: null })),
    ...realized.map((p): CurveRow => ({
      ...base,
      series: h('realized'),
      date: p.date,
      value: p.value,
      measuredCount: 'measuredCount' in p ? (p as SummedRealizedPoint).measuredCount : null,
    })),
  ];
  const sumRows = (level: string, name: string | null, indicator: string | null, sum: SummedCurve) =>
    pointRows({ level, name, indicator, unit: sum.unit, municipality: sumLabel(sum.municipalityCount) }, sum.planned, sum.realized);
  const notSummedRow = (level: string, name: string | null, indicator: string, unit: string): CurveRow => ({
    level,
    name,
    indicator,
    unit,
    municipality: null,
    series: h('notSummed'),
    date: null,
    value: null,
    measuredCount: null,
  });

  const rows: CurveRow[] = [
    ...answer.scopes.flatMap((scope) => {
      const name = scope.scope === 'focusArea' && scope.key === null ? h('withoutFocusArea') : scope.title;
      return [
        ...scope.sums.flatMap((sum) => sumRows(h(scope.scope), name, null, sum)),
        ...scope.notSummed.map((i) => notSummedRow(h(scope.scope), name, i.name, i.unit)),
      ];
    }),
    ...answer.benefits.flatMap((benefit) =>
      benefit.indicators.flatMap((indicator) => [
        ...(indicator.rollup ? sumRows(h('indicator'), benefit.title, indicator.name, indicator.rollup) : []),
        ...(!indicator.additive && !answer.municipalityNumber && indicator.municipalities.length > 0
          ? [notSummedRow(h('indicator'), benefit.title, indicator.name, indicator.unit)]
          : []),
        ...indicator.municipalities.flatMap((m) =>
          pointRows(
            {
              level: h('indicator'),
              name: benefit.title,
              indicator: indicator.name,
              unit: indicator.unit,
              municipality: m.municipalityName,
            },
            m.planned,
            m.realized,
          ),
        ),
      ]),
    ),
  ];
  const columns: ExportColumn<CurveRow>[] = [
    { header: h('level'), value: (r) => r.level, width: 16 },
    { header: h('name'), value: (r) => r.name, width: 36 },
    { header: h('indicator'), value: (r) => r.indicator, width: 32 },
    { header: h('unit'), value: (r) => r.unit, width: 12 },
    { header: h('municipality'), value: (r) => r.municipality, width: 24 },
    { header: h('series'), value: (r) => r.series, width: 16 },
    { header: h('date'), value: (r) => r.date, width: 12 },
    { header: h('value'), value: (r) => r.value, width: 14 },
    { header: h('measuredCount'), value: (r) => r.measuredCount, width: 14 },
  ];
  return renderTable(format, fileName, columns, rows);
}
