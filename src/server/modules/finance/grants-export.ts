import type { RequestContext } from '../../context.ts';
import type { GrantGiverKind, GrantSummary } from '../../../shared/finance/grants.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { renderTable, type ExportColumn, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { requireNetwork } from '../network/index.ts';
import { listGrants } from './grants.ts';

type Column =
  | 'giverKind'
  | 'giver'
  | 'title'
  | 'reference'
  | 'amount'
  | 'decisionDate'
  | 'periodStart'
  | 'periodEnd'
  | 'allocated'
  | 'spent'
  | 'remaining'
  | 'nextDeadline';

const HEADERS: Record<Language, Record<Column, string> & { total: string }> = {
  nb: {
    giverKind: 'Type giver',
    giver: 'Giver',
    title: 'Tilskudd',
    reference: 'Givers saksnummer',
    amount: 'Beløp (kr)',
    decisionDate: 'Vedtaksdato',
    periodStart: 'Periode fra',
    periodEnd: 'Periode til',
    allocated: 'Tildelt (kr)',
    spent: 'Brukt (kr)',
    remaining: 'Gjenstår (kr)',
    nextDeadline: 'Neste rapporteringsfrist',
    total: 'Sum',
  },
  nn: {
    giverKind: 'Type givar',
    giver: 'Givar',
    title: 'Tilskot',
    reference: 'Saksnummeret til givaren',
    amount: 'Beløp (kr)',
    decisionDate: 'Vedtaksdato',
    periodStart: 'Periode frå',
    periodEnd: 'Periode til',
    allocated: 'Tildelt (kr)',
    spent: 'Brukt (kr)',
    remaining: 'Står att (kr)',
    nextDeadline: 'Neste rapporteringsfrist',
    total: 'Sum',
  },
  en: {
    giverKind: 'Kind of giver',
    giver: 'Giver',
    title: 'Grant',
    reference: 'Giver’s case number',
    amount: 'Amount (NOK)',
    decisionDate: 'Decision date',
    periodStart: 'Period from',
    periodEnd: 'Period to',
    allocated: 'Allocated (NOK)',
    spent: 'Spent (NOK)',
    remaining: 'Remaining (NOK)',
    nextDeadline: 'Next reporting deadline',
    total: 'Total',
  },
};

export const GIVER_KIND_NAMES: Record<Language, Record<GrantGiverKind, string>> = {
  nb: { statsforvalteren: 'Statsforvalterens skjønnsmidler', ksDigifin: 'KS / DigiFin', other: 'Annen giver' },
  nn: { statsforvalteren: 'Skjønsmidlar frå statsforvaltaren', ksDigifin: 'KS / DigiFin', other: 'Annan givar' },
  en: { statsforvalteren: 'County governor’s discretionary funds', ksDigifin: 'KS / DigiFin', other: 'Other giver' },
};

/** A row of the export: a grant, or the totals of them all (no dates, no giver). */
type Row = Pick<GrantSummary, 'amount' | 'allocated' | 'spent' | 'remaining'> & Partial<GrantSummary> & { isTotal?: boolean };

/**
 * The network's grants as XLSX or CSV: giver, title, amount, decision date, period, allocated, spent, remaining and the
 * next reporting deadline, and a last row with the totals: the same figures as `GET /networks/:id/grants` and its page.
 */
export async function exportGrants(ctx: RequestContext, networkRefOrSlug: string, format: ExportFormat): Promise<RenderedFile> {
  const network = await requireNetwork(ctx, networkRefOrSlug);
  const { grants, totals } = await listGrants(ctx, network.id);
  const h = HEADERS[ctx.language];
  const kinds = GIVER_KIND_NAMES[ctx.language];
  const columns: ExportColumn<Row>[] = [
    { header: h.giverKind, value: (r) => (r.isTotal ? h.total : r.giverKind ? kinds[r.giverKind] : null), width: 30 },
    { header: h.giver, value: (r) => r.giverName ?? null, width: 30 },
    { header: h.title, value: (r) => r.title ?? null, width: 40 },
    { header: h.reference, value: (r) => r.reference ?? null, width: 16 },
    { header: h.amount, value: (r) => r.amount, width: 14 },
    { header: h.decisionDate, value: (r) => r.decisionDate ?? null, width: 12 },
    { header: h.periodStart, value: (r) => r.periodStart ?? null, width: 12 },
    { header: h.periodEnd, value: (r) => r.periodEnd ?? null, width: 12 },
    { header: h.allocated, value: (r) => r.allocated, width: 14 },
    { header: h.spent, value: (r) => r.spent, width: 14 },
    { header: h.remaining, value: (r) => r.remaining, width: 14 },
    { header: h.nextDeadline, value: (r) => r.nextDeadline ?? null, width: 14 },
  ];
  const rows: Row[] = [...grants, { ...totals, isTotal: true }];
  return renderTable(format, `tilskudd-${network.slug}`, columns, rows);
}
