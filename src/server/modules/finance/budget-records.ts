import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { budgetActuals, budgetLines, budgets } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';

/**
 * Finding a budget, line or actual figure (reached through its budget), then asking the access module, as for member
 * fees: the internal readers read (`network.readInternals`); the secretariat writes (`network.administer`).
 */

export type BudgetRow = typeof budgets.$inferSelect;
export type BudgetLineRow = typeof budgetLines.$inferSelect;
export type BudgetActualRow = typeof budgetActuals.$inferSelect;

async function findBudget(ctx: RequestContext, id: string): Promise<BudgetRow> {
  const [row] = await ctx.db.select().from(budgets).where(eq(budgets.id, id));
  if (!row) throw notFound();
  return row;
}

export async function readableBudget(ctx: RequestContext, id: string): Promise<BudgetRow> {
  requireUser(ctx);
  const row = await findBudget(ctx, id);
  await assertCan(ctx, 'network.readInternals', inNetwork(row.networkId));
  return row;
}

export async function writableBudget(ctx: RequestContext, id: string): Promise<BudgetRow> {
  requireUser(ctx);
  const row = await findBudget(ctx, id);
  await assertCan(ctx, 'network.administer', inNetwork(row.networkId));
  return row;
}

async function findLine(ctx: RequestContext, id: string): Promise<{ line: BudgetLineRow; budget: BudgetRow }> {
  const [row] = await ctx.db
    .select()
    .from(budgetLines)
    .innerJoin(budgets, eq(budgets.id, budgetLines.budgetId))
    .where(eq(budgetLines.id, id));
  if (!row) throw notFound();
  return { line: row.budget_lines, budget: row.budgets };
}

export async function readableLine(ctx: RequestContext, id: string) {
  requireUser(ctx);
  const found = await findLine(ctx, id);
  await assertCan(ctx, 'network.readInternals', inNetwork(found.budget.networkId));
  return found;
}

export async function writableLine(ctx: RequestContext, id: string) {
  requireUser(ctx);
  const found = await findLine(ctx, id);
  await assertCan(ctx, 'network.administer', inNetwork(found.budget.networkId));
  return found;
}

export async function writableActual(ctx: RequestContext, id: string) {
  requireUser(ctx);
  const [row] = await ctx.db
    .select()
    .from(budgetActuals)
    .innerJoin(budgetLines, eq(budgetLines.id, budgetActuals.lineId))
    .innerJoin(budgets, eq(budgets.id, budgetLines.budgetId))
    .where(eq(budgetActuals.id, id));
  if (!row) throw notFound();
  await assertCan(ctx, 'network.administer', inNetwork(row.budgets.networkId));
  return { actual: row.budget_actuals, line: row.budget_lines, budget: row.budgets };
}
