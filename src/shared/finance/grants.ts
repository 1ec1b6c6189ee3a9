import { z } from 'zod';
import { checkDateOrder, Id, IsoDate, OptionalText, Text, Version } from '../common.ts';

/**
 * The finance module's contract for grants (tilskudd): who gave the money (Statsforvalteren's discretionary funds,
 * KS/DigiFin, others), how much, when decided, for which period, on what conditions and for what; what it finances
 * (the base budget of a year, or named projects of the network), what has been spent of it, and the reports the
 * giver expects by a date.
 *
 * Money is whole kroner, integers end to end: every figure below is a sum or a difference of integers.
 */

// ---------- vocabularies ----------
/** Statsforvalterens skjønnsmidler, KS/DigiFin, andre. */
export const GRANT_GIVER_KINDS = ['statsforvalteren', 'ksDigifin', 'other'] as const;
export type GrantGiverKind = (typeof GRANT_GIVER_KINDS)[number];

/** What an allocation finances: the network's base budget of a year, or one of its projects. */
export const GRANT_ALLOCATION_TARGETS = ['baseBudget', 'project'] as const;
export type GrantAllocationTarget = (typeof GRANT_ALLOCATION_TARGETS)[number];

/** The largest grant: a billion kroner. */
export const MAX_GRANT_KRONER = 1_000_000_000;
/** A grant is at least one krone; an expense or an allocation too. */
const PositiveKroner = z.number().int({ error: 'type' }).min(1).max(MAX_GRANT_KRONER);
const BudgetYear = z.number().int({ error: 'type' }).min(2000).max(2100);

/** Days before a reporting deadline the first reminder goes out; the second goes on the day itself. */
export const REMINDER_DAYS_BEFORE = 14;

// ---------- arithmetic (pure, integers only) ----------
export interface GrantFigureInput {
  amount: number;
  allocations: readonly { id: string; amount: number }[];
  expenses: readonly { amount: number; allocationId: string | null }[];
}

export interface GrantFigures {
  amount: number;
  /** What the allocations plan to finance. */
  allocated: number;
  /** amount − allocated. */
  unallocated: number;
  spent: number;
  /** amount − spent. */
  remaining: number;
  /** Spent per allocation (the expenses that name it); the expenses that name none are in `spent` only. */
  spentByAllocation: Record<string, number>;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Allocated, unallocated, spent, remaining, and the spent of each allocation. */
export function grantFigures({ amount, allocations, expenses }: GrantFigureInput): GrantFigures {
  const allocated = sum(allocations.map((a) => a.amount));
  const spent = sum(expenses.map((e) => e.amount));
  const spentByAllocation: Record<string, number> = Object.fromEntries(allocations.map((a) => [a.id, 0]));
  for (const e of expenses) {
    if (e.allocationId !== null && e.allocationId in spentByAllocation) spentByAllocation[e.allocationId]! += e.amount;
  }
  return { amount, allocated, unallocated: amount - allocated, spent, remaining: amount - spent, spentByAllocation };
}

/** The earliest due date not reported yet (overdue ones included), or null. */
export function nextDeadline(deadlines: readonly { dueDate: string; reportedAt: string | null }[]): string | null {
  const open = deadlines.filter((d) => d.reportedAt === null).map((d) => d.dueDate);
  return open.length === 0 ? null : open.reduce((a, b) => (b < a ? b : a));
}

// ---------- input ----------
const GrantFields = z.object({
  giverKind: z.enum(GRANT_GIVER_KINDS, { error: 'choice' }),
  /** «Statsforvalteren i Nordland», «KS», … */
  giverName: Text(200),
  title: Text(200),
  /** The giver's case number (saksnummer), when it has one. */
  reference: OptionalText(100),
  amount: PositiveKroner,
  decisionDate: IsoDate,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  conditions: OptionalText(10_000),
  /** «Hva midlene kan brukes til». */
  purpose: OptionalText(10_000),
  /** A person of the network to contact about the grant. */
  contactPersonId: Id.nullish(),
});

export const GrantCreateSchema = GrantFields.superRefine(checkDateOrder('periodStart', 'periodEnd'));
export type GrantCreateInput = z.infer<typeof GrantCreateSchema>;

/** No defaults here: zod applies a default inside `.partial()`, which would overwrite what was not sent. */
export const GrantUpdateSchema = GrantFields.partial().extend({ version: Version }).superRefine(checkDateOrder('periodStart', 'periodEnd'));
export type GrantUpdateInput = z.infer<typeof GrantUpdateSchema>;

const AllocationFields = z.object({
  target: z.enum(GRANT_ALLOCATION_TARGETS, { error: 'choice' }),
  /** The base budget's year; only with target baseBudget. */
  year: BudgetYear.nullish(),
  /** A project of the grant's network; only with target project. */
  projectId: Id.nullish(),
  amount: PositiveKroner,
  note: OptionalText(2_000),
});

/** The base budget needs its year, a project its id; the other is left out. */
function checkTarget(value: { target?: GrantAllocationTarget; year?: number | null; projectId?: string | null }, ctx: z.RefinementCtx) {
  if (value.target === 'baseBudget' && (value.year === null || value.year === undefined))
    ctx.addIssue({ code: 'custom', path: ['year'], message: 'required' });
  if (value.target === 'project' && !value.projectId) ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'required' });
}

export const GrantAllocationCreateSchema = AllocationFields.superRefine(checkTarget);
export type GrantAllocationCreateInput = z.infer<typeof GrantAllocationCreateSchema>;
export const GrantAllocationUpdateSchema = AllocationFields.partial().extend({ version: Version });
export type GrantAllocationUpdateInput = z.infer<typeof GrantAllocationUpdateSchema>;

const ExpenseFields = z.object({
  date: IsoDate,
  amount: PositiveKroner,
  text: Text(500),
  /** The allocation the money was spent under, when the secretariat says. */
  allocationId: Id.nullish(),
});
export const GrantExpenseCreateSchema = ExpenseFields;
export type GrantExpenseCreateInput = z.infer<typeof GrantExpenseCreateSchema>;
export const GrantExpenseUpdateSchema = ExpenseFields.partial().extend({ version: Version });
export type GrantExpenseUpdateInput = z.infer<typeof GrantExpenseUpdateSchema>;

const DeadlineFields = z.object({
  dueDate: IsoDate,
  /** «Delrapport», «Sluttrapport med regnskap» … */
  description: Text(500),
});
export const GrantDeadlineCreateSchema = DeadlineFields;
export type GrantDeadlineCreateInput = z.infer<typeof GrantDeadlineCreateSchema>;
export const GrantDeadlineUpdateSchema = DeadlineFields.partial().extend({ version: Version });
export type GrantDeadlineUpdateInput = z.infer<typeof GrantDeadlineUpdateSchema>;

/** Marks a deadline reported (or, with `reported: false`, not reported after all). */
export const GrantDeadlineReportedSchema = z.object({ reported: z.boolean(), version: Version });
export type GrantDeadlineReportedInput = z.infer<typeof GrantDeadlineReportedSchema>;

// ---------- answers ----------
const Record_ = z.object({ id: z.string(), version: z.number().int(), updatedAt: z.string() });

const FiguresSchema = z.object({
  amount: z.number().int(),
  allocated: z.number().int(),
  unallocated: z.number().int(),
  spent: z.number().int(),
  remaining: z.number().int(),
});
export type GrantTotals = z.infer<typeof FiguresSchema>;

export const GrantSummarySchema = Record_.extend({
  networkId: z.string(),
  giverKind: z.enum(GRANT_GIVER_KINDS),
  giverName: z.string(),
  title: z.string(),
  reference: z.string().nullable(),
  decisionDate: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** The earliest reporting deadline not reported yet. */
  nextDeadline: z.string().nullable(),
}).extend(FiguresSchema.shape);
export type GrantSummary = z.infer<typeof GrantSummarySchema>;

export const GrantListSchema = z.object({ grants: z.array(GrantSummarySchema), totals: FiguresSchema });
export type GrantList = z.infer<typeof GrantListSchema>;

export const GrantAllocationSchema = Record_.extend({
  target: z.enum(GRANT_ALLOCATION_TARGETS),
  year: z.number().int().nullable(),
  project: z.object({ id: z.string(), reference: z.string(), title: z.string() }).nullable(),
  amount: z.number().int(),
  note: z.string().nullable(),
  spent: z.number().int(),
  /** amount − spent. */
  remaining: z.number().int(),
});
export type GrantAllocation = z.infer<typeof GrantAllocationSchema>;

export const GrantExpenseSchema = Record_.extend({
  date: z.string(),
  amount: z.number().int(),
  text: z.string(),
  allocationId: z.string().nullable(),
});
export type GrantExpense = z.infer<typeof GrantExpenseSchema>;

export const GrantDeadlineSchema = Record_.extend({
  dueDate: z.string(),
  description: z.string(),
  reportedAt: z.string().nullable(),
  reportedBy: z.string().nullable(),
});
export type GrantDeadline = z.infer<typeof GrantDeadlineSchema>;

export const GrantSchema = GrantSummarySchema.extend({
  networkSlug: z.string(),
  networkName: z.string(),
  conditions: z.string().nullable(),
  purpose: z.string().nullable(),
  contactPerson: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).nullable(),
  allocations: z.array(GrantAllocationSchema),
  expenses: z.array(GrantExpenseSchema),
  deadlines: z.array(GrantDeadlineSchema),
});
export type Grant = z.infer<typeof GrantSchema>;

/** A grant's allocation to a project, as the project's financing shows it. */
export const ProjectGrantSchema = z.object({
  allocationId: z.string(),
  grantId: z.string(),
  grantTitle: z.string(),
  giverKind: z.enum(GRANT_GIVER_KINDS),
  giverName: z.string(),
  amount: z.number().int(),
  spent: z.number().int(),
  remaining: z.number().int(),
});
export type ProjectGrant = z.infer<typeof ProjectGrantSchema>;

/** One allocation of a grant as another part of finance sees it (the overview, a municipality's statement). */
export const GrantFinancingLineSchema = z.object({
  grantId: z.string(),
  grantTitle: z.string(),
  giverKind: z.enum(GRANT_GIVER_KINDS),
  giverName: z.string(),
  allocationId: z.string(),
  amount: z.number().int(),
  spent: z.number().int(),
  remaining: z.number().int(),
  /** For an allocation to a project. */
  project: z.object({ id: z.string(), reference: z.string(), title: z.string() }).nullable(),
});
export type GrantFinancingLine = z.infer<typeof GrantFinancingLineSchema>;

/**
 * What grants finance in a network's year: the allocations to that year's base budget, and the allocations to
 * projects of the grants whose period touches the year (a project allocation has no year of its own).
 */
export const GrantsFinancingSchema = z.object({
  year: z.number().int(),
  baseBudget: z.array(GrantFinancingLineSchema),
  projects: z.array(GrantFinancingLineSchema),
});
export type GrantsFinancing = z.infer<typeof GrantsFinancingSchema>;
