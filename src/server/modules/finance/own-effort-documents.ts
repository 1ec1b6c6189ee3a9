import type { RequestContext } from '../../context.ts';
import { type Entry, type EntryListQueryInput, type Summary } from '../../../shared/finance/own-effort.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { renderTable, type ExportColumn, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { requireNetwork } from '../network/index.ts';
import { getSummary, IMPORT_HEADERS, listEntries } from './own-effort.ts';

const MORE: Record<
  Language,
  Record<
    | 'municipalityName'
    | 'projectTitle'
    | 'personName'
    | 'rate'
    | 'value'
    | 'group'
    | 'key'
    | 'name'
    | 'total'
    | 'common'
    | 'noRate'
    | 'byMunicipality'
    | 'byProject'
    | 'byMonth',
    string
  >
> = {
  nb: {
    municipalityName: 'Kommune',
    projectTitle: 'Prosjektnavn',
    personName: 'Navn',
    rate: 'Timesats (kr)',
    value: 'Verdi (kr)',
    group: 'Gruppering',
    key: 'Nøkkel',
    name: 'Navn',
    total: 'Sum',
    common: 'Felles arbeid',
    noRate: 'ingen timesats',
    byMunicipality: 'Per kommune',
    byProject: 'Per prosjekt',
    byMonth: 'Per måned',
  },
  nn: {
    municipalityName: 'Kommune',
    projectTitle: 'Prosjektnamn',
    personName: 'Namn',
    rate: 'Timesats (kr)',
    value: 'Verdi (kr)',
    group: 'Gruppering',
    key: 'Nøkkel',
    name: 'Namn',
    total: 'Sum',
    common: 'Felles arbeid',
    noRate: 'ingen timesats',
    byMunicipality: 'Per kommune',
    byProject: 'Per prosjekt',
    byMonth: 'Per månad',
  },
  en: {
    municipalityName: 'Municipality',
    projectTitle: 'Project name',
    personName: 'Name',
    rate: 'Hourly rate (NOK)',
    value: 'Value (NOK)',
    group: 'Grouping',
    key: 'Key',
    name: 'Name',
    total: 'Total',
    common: 'Common work',
    noRate: 'no hourly rate',
    byMunicipality: 'By municipality',
    byProject: 'By project',
    byMonth: 'By month',
  },
};

/** Hours as a number with two decimals at most (a number cell in XLSX, «7.5» in CSV; the import reads both). */
const hoursNumber = (hundredths: number) => hundredths / 100;

/** A year's entries as filtered on the page, with hours, the rate and the value of each. */
export async function exportEntries(
  ctx: RequestContext,
  networkRef: string,
  query: EntryListQueryInput,
  format: ExportFormat,
): Promise<RenderedFile> {
  const list = await listEntries(ctx, networkRef, query);
  const network = await requireNetwork(ctx, networkRef);
  const h = IMPORT_HEADERS[ctx.language];
  const more = MORE[ctx.language];
  const columns: ExportColumn<Entry>[] = [
    { header: h.month, value: (e) => e.month, width: 10 },
    { header: h.municipality, value: (e) => e.municipalityNumber, width: 14 },
    { header: more.municipalityName, value: (e) => e.municipalityName, width: 20 },
    { header: h.project, value: (e) => e.projectReference ?? '', width: 14 },
    { header: more.projectTitle, value: (e) => e.projectTitle ?? more.common, width: 36 },
    { header: h.person, value: (e) => e.personEmail ?? '', width: 30 },
    { header: more.personName, value: (e) => e.personName ?? '', width: 24 },
    { header: h.hours, value: (e) => hoursNumber(e.hundredths), width: 10 },
    { header: more.rate, value: () => list.rate ?? more.noRate, width: 14 },
    { header: more.value, value: (e) => e.value, width: 14 },
    { header: h.note, value: (e) => e.note ?? '', width: 40 },
  ];
  return renderTable(format, `egeninnsats-${network.slug}-${query.year}`, columns, list.entries);
}

interface SummaryLine {
  group: string;
  key: string;
  name: string;
  hundredths: number;
  value: number;
}

/** The year's summary as one table: by municipality, by project (common work first), by month, and the total. */
export async function exportSummary(ctx: RequestContext, networkRef: string, year: number, format: ExportFormat): Promise<RenderedFile> {
  const summary: Summary = await getSummary(ctx, networkRef, year);
  const network = await requireNetwork(ctx, networkRef);
  const h = IMPORT_HEADERS[ctx.language];
  const more = MORE[ctx.language];
  const lines: SummaryLine[] = [
    ...summary.byMunicipality.map((m) => ({ group: more.byMunicipality, key: m.municipalityNumber, name: m.municipalityName, ...m })),
    ...summary.byProject.map((p) => ({ group: more.byProject, key: p.reference ?? '', name: p.title ?? more.common, ...p })),
    ...summary.byMonth.map((m) => ({ group: more.byMonth, key: m.month, name: m.month, ...m })),
    { group: more.total, key: '', name: more.total, ...summary.total },
  ];
  const columns: ExportColumn<SummaryLine>[] = [
    { header: more.group, value: (l) => l.group, width: 16 },
    { header: more.key, value: (l) => l.key, width: 14 },
    { header: more.name, value: (l) => l.name, width: 36 },
    { header: h.hours, value: (l) => hoursNumber(l.hundredths), width: 12 },
    { header: more.rate, value: () => summary.rate ?? more.noRate, width: 14 },
    { header: more.value, value: (l) => l.value, width: 14 },
  ];
  return renderTable(format, `egeninnsats-sammendrag-${network.slug}-${year}`, columns, lines);
}
