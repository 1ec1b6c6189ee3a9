import { and, desc, eq, max, ne, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { budgetActuals, budgetLines, budgets, projects, users } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, invalidField, staleVersion } from '../../errors.ts';
import {
  BUDGET_CATEGORIES,
  sideOfCategory,
  type Budget,
  type BudgetActual,
  type BudgetActualCreateInput,
  type BudgetCategory,
  type BudgetCreateInput,
  type BudgetLineCreateInput,
  type BudgetLineUpdateInput,
  type BudgetSummary,
  type BudgetUpdateInput,
} from '../../../shared/finance/budget.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { recordAudit } from '../audit/index.ts';
import { requireNetwork } from '../network/index.ts';
import { readableBudget, readableLine, writableActual, writableBudget, writableLine, type BudgetRow } from './budget-records.ts';
import { presentBudget, presentBudgetActual, presentBudgetLine, presentBudgetSummary } from './budget-presenter.ts';
import { assertCan, fieldsOutside, inNetwork, requireUser } from '../../access/index.ts';

/**
 * A network's yearly budget: income and cost lines with what is budgeted, the actual figures (entered here or
 * imported, see budget-import.ts), and what remains. Every figure is whole kroner; the sums are computed in
 * the database as integers and the totals by the shared, integer-only `budgetTotals`.
 */

const CATEGORY_ORDER = new Map<string, number>(BUDGET_CATEGORIES.map((c, i) => [c, i]));

// ---------------------------------------------------------------- reading

/** The budget as the page and the export show it: lines income first, then cost, each in its order. */
export async function budgetDto(db: DbOrTx, ctx: RequestContext, row: BudgetRow): Promise<Budget> {
  const network = await requireNetwork(ctx, row.networkId);
  const sums = db
    .select({
      lineId: budgetActuals.lineId,
      actual: sql<number>`sum(${budgetActuals.amount})`.mapWith(Number).as('actual'),
      count: sql<number>`count(*)`.mapWith(Number).as('count'),
    })
    .from(budgetActuals)
    .groupBy(budgetActuals.lineId)
    .as('sums');
  const rows = await db
    .select({ line: budgetLines, actual: sums.actual, count: sums.count, projectName: projects.title })
    .from(budgetLines)
    .leftJoin(sums, eq(sums.lineId, budgetLines.id))
    .leftJoin(projects, eq(projects.id, budgetLines.projectId))
    .where(eq(budgetLines.budgetId, row.id));
  const lines = rows
    .map((r) => presentBudgetLine(r.line, { actual: r.actual ?? 0, actualCount: r.count ?? 0, projectName: r.projectName }))
    .sort(
      (a, b) =>
        (a.side === b.side ? 0 : a.side === 'income' ? -1 : 1) ||
        a.sortOrder - b.sortOrder ||
        CATEGORY_ORDER.get(a.category)! - CATEGORY_ORDER.get(b.category)! ||
        compareNorwegian(a.name, b.name) ||
        a.id.localeCompare(b.id),
    );
  return presentBudget(row, network, lines);
}

/** A network's budgets, newest year first, for its internal readers. */
export async function listBudgets(ctx: RequestContext, networkRefOrSlug: string): Promise<BudgetSummary[]> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRefOrSlug);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  const rows = await ctx.db.select().from(budgets).where(eq(budgets.networkId, network.id)).orderBy(desc(budgets.year));
  return rows.map(presentBudgetSummary);
}

export async function getBudget(ctx: RequestContext, id: string): Promise<Budget> {
  return budgetDto(ctx.db, ctx, await readableBudget(ctx, id));
}

/** A line's actual figures, newest first, with who entered them. */
export async function listLineActuals(ctx: RequestContext, lineId: string): Promise<BudgetActual[]> {
  const { line } = await readableLine(ctx, lineId);
  const rows = await ctx.db
    .select({ actual: budgetActuals, name: users.name })
    .from(budgetActuals)
    .leftJoin(users, eq(users.id, budgetActuals.createdBy))
    .where(eq(budgetActuals.lineId, line.id))
    .orderBy(desc(budgetActuals.date), desc(budgetActuals.createdAt));
  return rows.map((r) => presentBudgetActual(r.actual, r.name));
}

// ---------------------------------------------------------------- the budget

/** A new budget for a year; one per network and year (400 naming `year` otherwise). The secretariat makes it. */
export async function createBudget(ctx: RequestContext, networkRefOrSlug: string, input: BudgetCreateInput): Promise<Budget> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRefOrSlug);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  const [taken] = await ctx.db
    .select({ id: budgets.id })
    .from(budgets)
    .where(and(eq(budgets.networkId, network.id), eq(budgets.year, input.year)));
  if (taken) throw invalidField('year', 'duplicate');
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(budgets)
      .values({ networkId: network.id, year: input.year, title: input.title, note: input.note ?? null })
      .returning();
    await recordAudit(tx, ctx, { networkId: network.id, entityType: 'budget', entityId: row!.id, action: 'create', after: row });
    return row!;
  });
  return budgetDto(ctx.db, ctx, created);
}

export async function updateBudget(ctx: RequestContext, id: string, input: BudgetUpdateInput): Promise<Budget> {
  const before = await writableBudget(ctx, id);
  const { version, ...changes } = input;
  const after = await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, budgets, id, version, definedOnly(changes));
    await recordAudit(tx, ctx, { networkId: before.networkId, entityType: 'budget', entityId: id, action: 'update', before, after: row });
    return row;
  });
  return budgetDto(ctx.db, ctx, after);
}

async function actualCount(db: DbOrTx, where: ReturnType<typeof eq>): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(budgetActuals)
    .innerJoin(budgetLines, eq(budgetLines.id, budgetActuals.lineId))
    .where(where);
  return row?.n ?? 0;
}

/** Deletes a budget with its lines; one with actual figures is refused (409) until they are deleted. */
export async function deleteBudget(ctx: RequestContext, id: string, version: number): Promise<void> {
  const before = await writableBudget(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const count = await actualCount(tx, eq(budgetLines.budgetId, id));
    if (count > 0) throw new AppError('in_use', { budget: { key: 'hasActuals', values: { count } } });
    const deleted = await tx
      .delete(budgets)
      .where(and(eq(budgets.id, id), eq(budgets.version, version)))
      .returning({ id: budgets.id });
    if (deleted.length === 0) throw staleVersion();
    await recordAudit(tx, ctx, { networkId: before.networkId, entityType: 'budget', entityId: id, action: 'delete', before });
  });
}

// ---------------------------------------------------------------- lines

/** A project only on a project line, and only one of the budget's network (400 naming `projectId`). */
async function checkProject(db: DbOrTx, budget: BudgetRow, category: BudgetCategory, projectId: string | null | undefined) {
  if (!projectId) return;
  if (category !== 'projects') throw invalidField('projectId', 'projectLineOnly');
  const problems = await fieldsOutside(db, budget.networkId, { project: { projectId } }, 'notNetworkProject');
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
}

/** An account code is unique within a budget (case aside), since imported figures are matched on it. */
async function checkAccountCode(db: DbOrTx, budgetId: string, accountCode: string | null | undefined, exceptLineId?: string) {
  if (!accountCode) return;
  const [taken] = await db
    .select({ id: budgetLines.id })
    .from(budgetLines)
    .where(
      and(
        eq(budgetLines.budgetId, budgetId),
        sql`lower(${budgetLines.accountCode}) = lower(${accountCode})`,
        exceptLineId ? ne(budgetLines.id, exceptLineId) : undefined,
      ),
    );
  if (taken) throw invalidField('accountCode', 'duplicate');
}

/** A new line, at the end of its side unless an order is given. Answers the whole budget. */
export async function createBudgetLine(ctx: RequestContext, budgetId: string, input: BudgetLineCreateInput): Promise<Budget> {
  const budget = await writableBudget(ctx, budgetId);
  await checkProject(ctx.db, budget, input.category, input.projectId);
  await checkAccountCode(ctx.db, budget.id, input.accountCode);
  const side = sideOfCategory(input.category);
  await ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ n: max(budgetLines.sortOrder) })
      .from(budgetLines)
      .where(and(eq(budgetLines.budgetId, budget.id), eq(budgetLines.side, side)));
    const [row] = await tx
      .insert(budgetLines)
      .values({
        budgetId: budget.id,
        side,
        category: input.category,
        name: input.name,
        accountCode: input.accountCode ?? null,
        budgeted: input.budgeted,
        projectId: input.projectId ?? null,
        sortOrder: input.sortOrder ?? (last?.n ?? 0) + 1,
      })
      .returning();
    await recordAudit(tx, ctx, { networkId: budget.networkId, entityType: 'budgetLine', entityId: row!.id, action: 'create', after: row });
  });
  return budgetDto(ctx.db, ctx, budget);
}

/** Changes a line; a new category moves it to that category's side, and a project needs the category «projects». */
export async function updateBudgetLine(ctx: RequestContext, lineId: string, input: BudgetLineUpdateInput): Promise<Budget> {
  const { line: before, budget } = await writableLine(ctx, lineId);
  const { version, ...changes } = input;
  const category = changes.category ?? before.category;
  // A line moved out of «projects» loses its project, unless one is sent (then refused below).
  const projectId = changes.projectId !== undefined ? changes.projectId : category === 'projects' ? before.projectId : null;
  await checkProject(ctx.db, budget, category, projectId);
  await checkAccountCode(ctx.db, budget.id, changes.accountCode, before.id);
  await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, budgetLines, before.id, version, {
      ...definedOnly(changes),
      side: sideOfCategory(category),
      projectId,
    });
    await recordAudit(tx, ctx, {
      networkId: budget.networkId,
      entityType: 'budgetLine',
      entityId: before.id,
      action: 'update',
      before,
      after: row,
    });
  });
  return budgetDto(ctx.db, ctx, budget);
}

/** Deletes a line without actual figures; one with figures answers 409 naming how many, to be deleted first. */
export async function deleteBudgetLine(ctx: RequestContext, lineId: string, version: number): Promise<Budget> {
  const { line: before, budget } = await writableLine(ctx, lineId);
  await ctx.db.transaction(async (tx) => {
    const count = await actualCount(tx, eq(budgetActuals.lineId, before.id));
    if (count > 0) throw new AppError('in_use', { line: { key: 'hasActuals', values: { count } } });
    const deleted = await tx
      .delete(budgetLines)
      .where(and(eq(budgetLines.id, before.id), eq(budgetLines.version, version)))
      .returning({ id: budgetLines.id });
    if (deleted.length === 0) throw staleVersion();
    await recordAudit(tx, ctx, { networkId: budget.networkId, entityType: 'budgetLine', entityId: before.id, action: 'delete', before });
  });
  return budgetDto(ctx.db, ctx, budget);
}

// ---------------------------------------------------------------- actual figures

/** The first and last day of a budget's year, for the date checks. */
export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** An actual figure entered by hand on a line; its date must be in the budget's year. Answers the whole budget. */
export async function createBudgetActual(ctx: RequestContext, lineId: string, input: BudgetActualCreateInput): Promise<Budget> {
  const user = requireUser(ctx);
  const { line, budget } = await writableLine(ctx, lineId);
  const { from, to } = yearBounds(budget.year);
  if (input.date < from || input.date > to) throw invalidField('date', 'outsideYear', { year: budget.year });
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(budgetActuals)
      .values({ lineId: line.id, date: input.date, amount: input.amount, text: input.text ?? null, source: 'manual', createdBy: user.id })
      .returning();
    await recordAudit(tx, ctx, {
      networkId: budget.networkId,
      entityType: 'budgetActual',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
  });
  return budgetDto(ctx.db, ctx, budget);
}

/** Deletes one actual figure (entered or imported); a wrong figure is deleted and entered anew. */
export async function deleteBudgetActual(ctx: RequestContext, actualId: string): Promise<Budget> {
  const { actual, budget } = await writableActual(ctx, actualId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(budgetActuals).where(eq(budgetActuals.id, actual.id));
    await recordAudit(tx, ctx, {
      networkId: budget.networkId,
      entityType: 'budgetActual',
      entityId: actual.id,
      action: 'delete',
      before: actual,
    });
  });
  return budgetDto(ctx.db, ctx, budget);
}
