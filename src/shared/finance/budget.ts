import { z } from 'zod';
import { Id, IsoDate, Kroner, OptionalText, Text, Version } from '../common.ts';

/**
 * The finance module's contract for a network's yearly budget: income lines and cost lines with the budgeted
 * amount, the actual figures entered or imported from the host municipality's accounting, and what remains.
 *
 * Money is whole kroner, integers end to end. An actual figure may be negative (a correction); what remains of a
 * line is its budgeted amount less the sum of its actual figures. The arithmetic below is pure and integer-only,
 * so the page, the API and the export show the same numbers.
 */

// ---------- vocabularies ----------
export const BUDGET_SIDES = ['income', 'cost'] as const;
export type BudgetSide = (typeof BUDGET_SIDES)[number];

/** Tilskudd, kontingent, andre inntekter. */
export const INCOME_CATEGORIES = ['grant', 'memberFees', 'other'] as const;
/** Sekretariat, konsulentbistand, samlinger, drift, prosjekter. */
export const COST_CATEGORIES = ['secretariat', 'consultants', 'gatherings', 'operations', 'projects'] as const;
export const BUDGET_CATEGORIES = [...INCOME_CATEGORIES, ...COST_CATEGORIES] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const ACTUAL_SOURCES = ['manual', 'import'] as const;
export type ActualSource = (typeof ACTUAL_SOURCES)[number];

/** The side a category belongs to: a line's side always follows from its category. */
export function sideOfCategory(category: BudgetCategory): BudgetSide {
  return (INCOME_CATEGORIES as readonly string[]).includes(category) ? 'income' : 'cost';
}

/** Ten billion kroner: far above any network's budget, and sums of many stay exact in a Number. */
export const MAX_BUDGET_KRONER = 10_000_000_000;
export const MAX_ACCOUNT_CODE = 50;
export const BudgetYear = z.number().int({ error: 'type' }).min(2000).max(2100);
/** An actual figure: whole kroner, negative for a correction. */
export const SignedKroner = z.number().int({ error: 'type' }).min(-MAX_BUDGET_KRONER).max(MAX_BUDGET_KRONER);

// ---------- arithmetic ----------
function assertWhole(amount: number): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not whole kroner: ${amount}`);
  return amount;
}

/** The sum of whole-kroner amounts; anything but a safe integer is refused, so no fraction can creep in. */
export function sumKroner(amounts: readonly number[]): number {
  return amounts.reduce((sum, a) => sum + assertWhole(a), 0);
}

/** What remains of a line: budgeted less the sum of its actual figures (negative when overspent). */
export function remainingOf(budgeted: number, actual: number): number {
  return assertWhole(budgeted) - assertWhole(actual);
}

export interface SideTotals {
  budgeted: number;
  actual: number;
  remaining: number;
}

export interface BudgetTotals {
  income: SideTotals;
  cost: SideTotals;
  /** Income less cost, as budgeted and as it stands. */
  result: { budgeted: number; actual: number };
}

/** The totals of each side and the result, from the lines' budgeted and actual sums. */
export function budgetTotals(lines: readonly { side: BudgetSide; budgeted: number; actual: number }[]): BudgetTotals {
  const side = (s: BudgetSide): SideTotals => {
    const of = lines.filter((l) => l.side === s);
    const budgeted = sumKroner(of.map((l) => l.budgeted));
    const actual = sumKroner(of.map((l) => l.actual));
    return { budgeted, actual, remaining: remainingOf(budgeted, actual) };
  };
  const income = side('income');
  const cost = side('cost');
  return { income, cost, result: { budgeted: income.budgeted - cost.budgeted, actual: income.actual - cost.actual } };
}

/**
 * An amount as accounting exports write it: «12 345,00», «-1 200», «−1 200», «1.234.567,00», «12345» or «12345.00».
 * Whole kroner only: øre other than 00 is `fraction`; anything else not a number is `notNumber`.
 */
export function parseWholeKroner(text: string): { amount: number } | { problem: 'notNumber' | 'fraction' | 'tooBig' } {
  let cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^kr\.?/i, '')
    .replace(/^[\u2212\u2013]/, '-');
  // Thousands written with points and a decimal comma: «1.234.567,00».
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/\./g, '');
  const m = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(cleaned);
  if (!m) return { problem: 'notNumber' };
  if (m[3] !== undefined && !/^0+$/.test(m[3])) return { problem: 'fraction' };
  const amount = Number(`${m[1]}${m[2]}`);
  if (!Number.isSafeInteger(amount) || Math.abs(amount) > MAX_BUDGET_KRONER) return { problem: 'tooBig' };
  return { amount: amount === 0 ? 0 : amount };
}

// ---------- input ----------
export const BudgetCreateSchema = z.object({
  year: BudgetYear,
  title: Text(200),
  note: OptionalText(2000),
});
export type BudgetCreateInput = z.infer<typeof BudgetCreateSchema>;

/** The year is fixed once made: the actual figures are dated within it. */
export const BudgetUpdateSchema = z.object({ title: Text(200).optional(), note: OptionalText(2000), version: Version });
export type BudgetUpdateInput = z.infer<typeof BudgetUpdateSchema>;

const BudgetLineFields = z.object({
  category: z.enum(BUDGET_CATEGORIES, { error: 'choice' }),
  name: Text(200),
  /** The host municipality's account, ansvar or project code; imported actual figures are matched on it. */
  accountCode: OptionalText(MAX_ACCOUNT_CODE),
  budgeted: Kroner,
  /** Only on a cost line of the category «projects»: the network's project it budgets for. */
  projectId: Id.nullish(),
  sortOrder: z.number().int({ error: 'type' }).min(0).max(10_000).optional(),
});

/** A project belongs only on a cost line for projects. */
function projectOnlyOnProjectLines(value: { category?: BudgetCategory; projectId?: string | null }, ctx: z.RefinementCtx) {
  if (value.projectId && value.category !== undefined && value.category !== 'projects') {
    ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'projectLineOnly' });
  }
}

export const BudgetLineCreateSchema = BudgetLineFields.superRefine(projectOnlyOnProjectLines);
export type BudgetLineCreateInput = z.infer<typeof BudgetLineCreateSchema>;

export const BudgetLineUpdateSchema = BudgetLineFields.partial().extend({ version: Version }).superRefine(projectOnlyOnProjectLines);
export type BudgetLineUpdateInput = z.infer<typeof BudgetLineUpdateSchema>;

export const BudgetActualCreateSchema = z.object({
  /** A day within the budget's year. */
  date: IsoDate,
  amount: SignedKroner,
  text: OptionalText(500),
});
export type BudgetActualCreateInput = z.infer<typeof BudgetActualCreateSchema>;

// ---------- answers ----------
export const BudgetActualSchema = z.object({
  id: z.string(),
  lineId: z.string(),
  date: z.string(),
  amount: z.number().int(),
  text: z.string().nullable(),
  source: z.enum(ACTUAL_SOURCES),
  importId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type BudgetActual = z.infer<typeof BudgetActualSchema>;

export const BudgetLineSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  budgetId: z.string(),
  side: z.enum(BUDGET_SIDES),
  category: z.enum(BUDGET_CATEGORIES),
  name: z.string(),
  accountCode: z.string().nullable(),
  budgeted: z.number().int(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  sortOrder: z.number().int(),
  /** The sum of the line's actual figures. */
  actual: z.number().int(),
  remaining: z.number().int(),
  actualCount: z.number().int(),
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

const SideTotalsSchema = z.object({ budgeted: z.number().int(), actual: z.number().int(), remaining: z.number().int() });
export const BudgetTotalsSchema = z.object({
  income: SideTotalsSchema,
  cost: SideTotalsSchema,
  result: z.object({ budgeted: z.number().int(), actual: z.number().int() }),
});

export const BudgetSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  networkId: z.string(),
  year: z.number().int(),
  title: z.string(),
  note: z.string().nullable(),
});
export type BudgetSummary = z.infer<typeof BudgetSummarySchema>;

/** One budget: its lines (income first, then cost, each in sort order) with actual sums and what remains, and the totals. */
export const BudgetSchema = BudgetSummarySchema.extend({
  networkSlug: z.string(),
  networkName: z.string(),
  lines: z.array(BudgetLineSchema),
  totals: BudgetTotalsSchema,
});
export type Budget = z.infer<typeof BudgetSchema>;

/** What an import of actual figures saved: one import id for all its rows. */
export const BudgetImportResultSchema = z.object({
  importId: z.string(),
  rows: z.number().int(),
  amount: z.number().int(),
  budget: BudgetSchema,
});
export type BudgetImportResult = z.infer<typeof BudgetImportResultSchema>;

/** The columns of an import file, as their headings are written (matched without regard to case). */
export const IMPORT_COLUMNS = { date: 'Dato', account: 'Konto', amount: 'Beløp', text: 'Tekst' } as const;
