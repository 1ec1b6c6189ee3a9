import type { Language } from '../../../../shared/i18n/languages.ts';
import { filterScorecard, filterTrend, unknownDimension } from '../../../../shared/mapping/survey-results-filter.ts';
import type { ResultsFilter } from '../../../../shared/mapping/surveys.ts';
import type { RequestContext } from '../../../context.ts';
import { invalidField } from '../../../errors.ts';
import { renderTable, type ExportColumn, type ExportFormat, type RenderedFile } from '../../documents/index.ts';
import { getScorecard, getTrend } from './service.ts';

const LABELS: Record<
  Language,
  {
    number: string;
    municipality: string;
    respondents: string;
    round: string;
    deadline: string;
    change: string;
    average: string;
    file: string;
    trendFile: string;
  }
> = {
  nb: {
    number: 'Kommunenummer',
    municipality: 'Kommune',
    respondents: 'Svar',
    round: 'Runde',
    deadline: 'Frist',
    change: 'endring',
    average: 'Snitt i nettverket',
    file: 'resultater',
    trendFile: 'modenhet-over-tid',
  },
  nn: {
    number: 'Kommunenummer',
    municipality: 'Kommune',
    respondents: 'Svar',
    round: 'Runde',
    deadline: 'Frist',
    change: 'endring',
    average: 'Snitt i nettverket',
    file: 'resultat',
    trendFile: 'modenheit-over-tid',
  },
  en: {
    number: 'Municipality number',
    municipality: 'Municipality',
    respondents: 'Responses',
    round: 'Round',
    deadline: 'Deadline',
    change: 'change',
    average: 'Network average',
    file: 'results',
    trendFile: 'maturity-over-time',
  },
};

interface Row {
  number: string;
  name: string;
  respondents: number | null;
  scores: Record<string, number | null>;
  change: Record<string, number | null>;
}

/** A dimension the results do not have is a mistake in the request, not an empty table. */
function checkDimensions(sections: Array<{ key: string }>, filter: ResultsFilter) {
  if (unknownDimension(sections, filter) !== undefined) throw invalidField('dimension', 'choice');
}

/**
 * The scorecard as a table: a row per municipality, the network average last; each section's score and its
 * change. The filter narrows the rows and columns; the average row stays the whole network's.
 */
export async function exportScorecard(
  ctx: RequestContext,
  roundId: string,
  filter: ResultsFilter,
  format: ExportFormat,
): Promise<RenderedFile> {
  const whole = await getScorecard(ctx, roundId);
  checkDimensions(whole.sections, filter);
  const card = filterScorecard(whole, filter);
  const l = LABELS[ctx.language];
  const columns: ExportColumn<Row>[] = [
    { header: l.number, value: (r) => r.number, width: 14 },
    { header: l.municipality, value: (r) => r.name, width: 24 },
    { header: l.respondents, value: (r) => r.respondents, width: 8 },
    ...card.sections.flatMap((s): ExportColumn<Row>[] => [
      { header: s.title, value: (r) => r.scores[s.key] ?? null, width: 16 },
      ...(card.previousRound ? [{ header: `${s.title}, ${l.change}`, value: (r: Row) => r.change[s.key] ?? null, width: 16 }] : []),
    ]),
  ];
  const averageChange = Object.fromEntries(
    card.sections.map((s) => {
      const now = card.networkAverage[s.key];
      const before = card.previousNetworkAverage?.[s.key];
      return [
        s.key,
        now === null || now === undefined || before === null || before === undefined ? null : Math.round((now - before) * 100) / 100,
      ];
    }),
  );
  const rows: Row[] = [
    ...card.municipalities,
    { number: '', name: l.average, respondents: null, scores: card.networkAverage, change: averageChange },
  ];
  return renderTable(format, l.file, columns, rows);
}

interface TrendRow {
  number: string;
  name: string;
  round: string;
  deadline: string;
  scores: Record<string, number | null>;
}

/** The maturity trend as a table: a row per municipality and round, and the network average per round; filtered like the scorecard. */
export async function exportTrend(
  ctx: RequestContext,
  networkRef: string,
  templateId: string,
  filter: ResultsFilter,
  format: ExportFormat,
): Promise<RenderedFile> {
  const whole = await getTrend(ctx, networkRef, templateId);
  checkDimensions(whole.sections, filter);
  const trend = filterTrend(whole, filter);
  const l = LABELS[ctx.language];
  const rows: TrendRow[] = trend.rounds.flatMap((round, i) => [
    ...trend.municipalities.map((m) => ({
      number: m.number,
      name: m.name,
      round: round.name,
      deadline: round.deadline,
      scores: m.byRound[i] ?? {},
    })),
    { number: '', name: l.average, round: round.name, deadline: round.deadline, scores: round.networkAverage },
  ]);
  const columns: ExportColumn<TrendRow>[] = [
    { header: l.number, value: (r) => r.number, width: 14 },
    { header: l.municipality, value: (r) => r.name, width: 24 },
    { header: l.round, value: (r) => r.round, width: 24 },
    { header: l.deadline, value: (r) => r.deadline, width: 12 },
    ...trend.sections.map((s) => ({ header: s.title, value: (r: TrendRow) => r.scores[s.key] ?? null, width: 16 })),
  ];
  return renderTable(format, l.trendFile, columns, rows);
}
