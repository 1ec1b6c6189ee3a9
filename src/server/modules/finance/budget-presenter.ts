import {
  budgetTotals,
  remainingOf,
  type Budget,
  type BudgetActual,
  type BudgetLine,
  type BudgetSummary,
} from '../../../shared/finance/budget.ts';
import type { BudgetActualRow, BudgetLineRow, BudgetRow } from './budget-records.ts';
import type { NetworkRef } from './presenter.ts';

export function presentBudgetSummary(row: BudgetRow): BudgetSummary {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    networkId: row.networkId,
    year: row.year,
    title: row.title,
    note: row.note,
  };
}

export interface LineFigures {
  actual: number;
  actualCount: number;
  projectName: string | null;
}

export function presentBudgetLine(row: BudgetLineRow, figures: LineFigures): BudgetLine {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    budgetId: row.budgetId,
    side: row.side,
    category: row.category,
    name: row.name,
    accountCode: row.accountCode,
    budgeted: row.budgeted,
    projectId: row.projectId,
    projectName: figures.projectName,
    sortOrder: row.sortOrder,
    actual: figures.actual,
    remaining: remainingOf(row.budgeted, figures.actual),
    actualCount: figures.actualCount,
  };
}

/** The budget with its lines as given (already in order) and the totals computed from exactly those lines. */
export function presentBudget(row: BudgetRow, network: NetworkRef, lines: BudgetLine[]): Budget {
  return { ...presentBudgetSummary(row), networkSlug: network.slug, networkName: network.name, lines, totals: budgetTotals(lines) };
}

export function presentBudgetActual(row: BudgetActualRow, createdBy: string | null): BudgetActual {
  return {
    id: row.id,
    lineId: row.lineId,
    date: row.date,
    amount: row.amount,
    text: row.text,
    source: row.source,
    importId: row.importId,
    createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
