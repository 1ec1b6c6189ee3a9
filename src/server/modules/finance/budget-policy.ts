import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { budgetActuals, budgetLines, budgets } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { assertCanAdministerNetwork, assertCanReadNetworkInternals, requireUser } from '../network/index.ts';

/**
 * Who may read and change a network's budget, as for member fees: its internal readers read; its secretariat
 * (network administrator, or the platform administrator) writes. Outside the network: 404, as if absent.
 * A line or an actual figure is reached through its budget.
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
  await assertCanReadNetworkInternals(ctx, row.networkId);
  return row;
}

export async function writableBudget(ctx: RequestContext, id: string): Promise<BudgetRow> {
  requireUser(ctx);
  const row = await findBudget(ctx, id);
  await assertCanAdministerNetwork(ctx, row.networkId);
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
  await assertCanReadNetworkInternals(ctx, found.budget.networkId);
  return found;
}

export async function writableLine(ctx: RequestContext, id: string) {
  requireUser(ctx);
  const found = await findLine(ctx, id);
  await assertCanAdministerNetwork(ctx, found.budget.networkId);
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
  await assertCanAdministerNetwork(ctx, row.budgets.networkId);
  return { actual: row.budget_actuals, line: row.budget_lines, budget: row.budgets };
}
