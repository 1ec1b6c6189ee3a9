import type { RequestContext } from '../../context.ts';
import type { FeeLine, FeeSchedule } from '../../../shared/finance/fees.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { renderTable, type ExportColumn, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { scheduleDto } from './fees.ts';
import { readableSchedule } from './fee-records.ts';

const HEADERS: Record<
  Language,
  Record<'number' | 'name' | 'population' | 'populationYear' | 'amount' | 'network' | 'year' | 'decision', string>
> = {
  nb: {
    number: 'Kommunenummer',
    name: 'Kommune',
    population: 'Innbyggere',
    populationYear: 'Innbyggertall per år',
    amount: 'Kontingent (kr)',
    network: 'Nettverk',
    year: 'Kontingentår',
    decision: 'Vedtak',
  },
  nn: {
    number: 'Kommunenummer',
    name: 'Kommune',
    population: 'Innbyggjarar',
    populationYear: 'Innbyggjartal per år',
    amount: 'Kontingent (kr)',
    network: 'Nettverk',
    year: 'Kontingentår',
    decision: 'Vedtak',
  },
  en: {
    number: 'Municipality number',
    name: 'Municipality',
    population: 'Inhabitants',
    populationYear: 'Population as of year',
    amount: 'Fee (NOK)',
    network: 'Network',
    year: 'Fee year',
    decision: 'Decision',
  },
};

const NOT_ADOPTED: Record<Language, string> = { nb: 'Ikke vedtatt (utkast)', nn: 'Ikkje vedteke (utkast)', en: 'Not adopted (draft)' };

/** «Styringsgruppen, sak 004/26, møte 2026-03-10»: the decision as the minutes name it. */
export function decisionReference(schedule: FeeSchedule, language: Language): string {
  const d = schedule.decision;
  if (!d) return NOT_ADOPTED[language];
  const word = language === 'en' ? { case: 'case', meeting: 'meeting' } : { case: 'sak', meeting: 'møte' };
  return [d.bodyName, d.caseNumber ? `${word.case} ${d.caseNumber}` : d.caseTitle, `${word.meeting} ${d.meetingDate}`].join(', ');
}

/**
 * The invoice basis: one row per municipality with its population and the year of that figure, the fee, the
 * network, the year and the decision reference, as XLSX or CSV.
 */
export async function exportFeeSchedule(ctx: RequestContext, id: string, format: ExportFormat): Promise<RenderedFile> {
  const schedule = await scheduleDto(ctx, await readableSchedule(ctx, id));
  const h = HEADERS[ctx.language];
  const decision = decisionReference(schedule, ctx.language);
  const columns: ExportColumn<FeeLine>[] = [
    { header: h.number, value: (l) => l.municipalityNumber, width: 14 },
    { header: h.name, value: (l) => l.municipalityName, width: 22 },
    { header: h.population, value: (l) => l.population, width: 12 },
    { header: h.populationYear, value: (l) => l.populationYear, width: 12 },
    { header: h.amount, value: (l) => l.amount, width: 16 },
    { header: h.network, value: () => schedule.networkName, width: 24 },
    { header: h.year, value: () => schedule.year, width: 10 },
    { header: h.decision, value: () => decision, width: 50 },
  ];
  return renderTable(format, `kontingent-${schedule.networkSlug}-${schedule.year}`, columns, schedule.lines);
}
