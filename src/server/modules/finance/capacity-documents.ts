import type { RequestContext } from '../../context.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { renderTable, type ExportColumn, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { requireNetwork } from '../network/index.ts';
import { getCapacity } from './capacity.ts';

const HEADERS: Record<
  Language,
  Record<'number' | 'municipality' | 'month' | 'planned' | 'registered' | 'committed' | 'over' | 'sum' | 'yes' | 'no', string>
> = {
  nb: {
    number: 'Kommunenummer',
    municipality: 'Kommune',
    month: 'Måned',
    planned: 'Planlagte timer',
    registered: 'Registrerte timer',
    committed: 'Forpliktede timer',
    over: 'Over forpliktelsen',
    sum: 'Sum {year}',
    yes: 'ja',
    no: 'nei',
  },
  nn: {
    number: 'Kommunenummer',
    municipality: 'Kommune',
    month: 'Månad',
    planned: 'Planlagde timar',
    registered: 'Registrerte timar',
    committed: 'Forplikta timar',
    over: 'Over forpliktinga',
    sum: 'Sum {year}',
    yes: 'ja',
    no: 'nei',
  },
  en: {
    number: 'Municipality number',
    municipality: 'Municipality',
    month: 'Month',
    planned: 'Planned hours',
    registered: 'Registered hours',
    committed: 'Committed hours',
    over: 'Over the commitment',
    sum: 'Total {year}',
    yes: 'yes',
    no: 'no',
  },
};

interface Line {
  number: string;
  name: string;
  month: string;
  planned: number;
  registered: number;
  /** Only on a municipality's year line. */
  committed: number | null;
  over: boolean | null;
}

const hoursNumber = (hundredths: number) => hundredths / 100;

/**
 * The year's capacity as one table, the view's figures as they stand: each municipality's months, then its year line
 * with its commitment and whether its planned hours exceed it.
 */
export async function exportCapacity(ctx: RequestContext, networkRef: string, year: number, format: ExportFormat): Promise<RenderedFile> {
  const capacity = await getCapacity(ctx, networkRef, year);
  const network = await requireNetwork(ctx, networkRef);
  const h = HEADERS[ctx.language];
  const lines: Line[] = capacity.municipalities.flatMap((m) => [
    ...m.months.map((x) => ({ number: m.municipalityNumber, name: m.municipalityName, ...x, committed: null, over: null })),
    {
      number: m.municipalityNumber,
      name: m.municipalityName,
      month: h.sum.replace('{year}', String(year)),
      planned: m.planned,
      registered: m.registered,
      committed: m.commitment.hundredths,
      over: m.over,
    },
  ]);
  const columns: ExportColumn<Line>[] = [
    { header: h.number, value: (l) => l.number, width: 14 },
    { header: h.municipality, value: (l) => l.name, width: 20 },
    { header: h.month, value: (l) => l.month, width: 10 },
    { header: h.planned, value: (l) => hoursNumber(l.planned), width: 14 },
    { header: h.registered, value: (l) => hoursNumber(l.registered), width: 14 },
    { header: h.committed, value: (l) => (l.committed === null ? '' : hoursNumber(l.committed)), width: 16 },
    { header: h.over, value: (l) => (l.over === null ? '' : l.over ? h.yes : h.no), width: 16 },
  ];
  return renderTable(format, `kapasitet-${network.slug}-${year}`, columns, lines);
}
