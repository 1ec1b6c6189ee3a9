import type { RequestContext } from '../../context.ts';
import type { BudgetCategory, BudgetSide } from '../../../shared/finance/budget.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { renderTable, type ExportColumn, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { budgetDto } from './budget.ts';
import { readableBudget } from './budget-records.ts';

type Header = 'side' | 'category' | 'name' | 'accountCode' | 'budgeted' | 'actual' | 'remaining';

const TERMS: Record<
  Language,
  {
    headers: Record<Header, string>;
    sides: Record<BudgetSide, string>;
    categories: Record<BudgetCategory, string>;
    sum: Record<BudgetSide, string>;
    result: string;
  }
> = {
  nb: {
    headers: {
      side: 'Side',
      category: 'Kategori',
      name: 'Linje',
      accountCode: 'Kontokode',
      budgeted: 'Budsjettert (kr)',
      actual: 'Regnskap (kr)',
      remaining: 'Gjenstår (kr)',
    },
    sides: { income: 'Inntekter', cost: 'Kostnader' },
    categories: {
      grant: 'Tilskudd',
      memberFees: 'Kontingent',
      other: 'Andre inntekter',
      secretariat: 'Sekretariat',
      consultants: 'Konsulentbistand',
      gatherings: 'Samlinger',
      operations: 'Drift',
      projects: 'Prosjekter',
    },
    sum: { income: 'Sum inntekter', cost: 'Sum kostnader' },
    result: 'Resultat (inntekter − kostnader)',
  },
  nn: {
    headers: {
      side: 'Side',
      category: 'Kategori',
      name: 'Linje',
      accountCode: 'Kontokode',
      budgeted: 'Budsjettert (kr)',
      actual: 'Rekneskap (kr)',
      remaining: 'Att (kr)',
    },
    sides: { income: 'Inntekter', cost: 'Kostnader' },
    categories: {
      grant: 'Tilskot',
      memberFees: 'Kontingent',
      other: 'Andre inntekter',
      secretariat: 'Sekretariat',
      consultants: 'Konsulentbistand',
      gatherings: 'Samlingar',
      operations: 'Drift',
      projects: 'Prosjekt',
    },
    sum: { income: 'Sum inntekter', cost: 'Sum kostnader' },
    result: 'Resultat (inntekter − kostnader)',
  },
  en: {
    headers: {
      side: 'Side',
      category: 'Category',
      name: 'Line',
      accountCode: 'Account code',
      budgeted: 'Budgeted (NOK)',
      actual: 'Actual (NOK)',
      remaining: 'Remaining (NOK)',
    },
    sides: { income: 'Income', cost: 'Costs' },
    categories: {
      grant: 'Grants',
      memberFees: 'Member fees',
      other: 'Other income',
      secretariat: 'Secretariat',
      consultants: 'Consultants',
      gatherings: 'Gatherings',
      operations: 'Operations',
      projects: 'Projects',
    },
    sum: { income: 'Total income', cost: 'Total costs' },
    result: 'Result (income − costs)',
  },
};

interface ExportRow {
  side: string;
  category: string;
  name: string;
  accountCode: string | null;
  budgeted: number;
  actual: number;
  remaining: number | null;
}

/**
 * The budget as a table: each line with budgeted, actual and remaining, a total row per side and the result,
 * the same numbers the page shows (both come from `budgetDto`).
 */
export async function exportBudget(ctx: RequestContext, id: string, format: ExportFormat): Promise<RenderedFile> {
  const budget = await budgetDto(ctx.db, ctx, await readableBudget(ctx, id));
  const t = TERMS[ctx.language];
  const rows: ExportRow[] = [];
  for (const side of ['income', 'cost'] as const) {
    for (const l of budget.lines.filter((line) => line.side === side)) {
      rows.push({
        side: t.sides[side],
        category: t.categories[l.category],
        name: l.projectName ? `${l.name} (${l.projectName})` : l.name,
        accountCode: l.accountCode,
        budgeted: l.budgeted,
        actual: l.actual,
        remaining: l.remaining,
      });
    }
    const total = budget.totals[side];
    rows.push({ side: t.sides[side], category: '', name: t.sum[side], accountCode: null, ...total });
  }
  rows.push({ side: '', category: '', name: t.result, accountCode: null, ...budget.totals.result, remaining: null });
  const h = t.headers;
  const columns: ExportColumn<ExportRow>[] = [
    { header: h.side, value: (r) => r.side, width: 12 },
    { header: h.category, value: (r) => r.category, width: 18 },
    { header: h.name, value: (r) => r.name, width: 40 },
    { header: h.accountCode, value: (r) => r.accountCode, width: 14 },
    { header: h.budgeted, value: (r) => r.budgeted, width: 16 },
    { header: h.actual, value: (r) => r.actual, width: 16 },
    { header: h.remaining, value: (r) => r.remaining, width: 16 },
  ];
  return renderTable(format, `budsjett-${budget.networkSlug}-${budget.year}`, columns, rows);
}
