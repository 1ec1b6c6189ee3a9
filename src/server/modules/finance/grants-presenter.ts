import type { Grant, GrantAllocation, GrantDeadline, GrantExpense, GrantSummary } from '../../../shared/finance/grants.ts';
import { grantFigures, nextDeadline } from '../../../shared/finance/grants.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import type { grantAllocations, grantExpenses, grantReportingDeadlines, grants } from '../../db/schema/index.ts';

export type GrantRow = typeof grants.$inferSelect;
export type AllocationRow = typeof grantAllocations.$inferSelect;
export type ExpenseRow = typeof grantExpenses.$inferSelect;
export type DeadlineRow = typeof grantReportingDeadlines.$inferSelect;

/** A grant's rows below it, with the names the answer shows. */
export interface GrantParts {
  allocations: (AllocationRow & { project: { id: string; year: number; sequence: number; title: string } | null })[];
  expenses: ExpenseRow[];
  deadlines: (DeadlineRow & { reportedByName: string | null })[];
}

const stamp = (row: { id: string; version: number; updatedAt: Date }) => ({
  id: row.id,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

export function presentGrantSummary(row: GrantRow, parts: GrantParts): GrantSummary {
  const { spentByAllocation: _, ...figures } = grantFigures({
    amount: row.amount,
    allocations: parts.allocations,
    expenses: parts.expenses,
  });
  return {
    ...stamp(row),
    networkId: row.networkId,
    giverKind: row.giverKind,
    giverName: row.giverName,
    title: row.title,
    reference: row.reference,
    decisionDate: row.decisionDate,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    nextDeadline: nextDeadline(parts.deadlines.map((d) => ({ dueDate: d.dueDate, reportedAt: d.reportedAt?.toISOString() ?? null }))),
    ...figures,
  };
}

export function presentGrant(
  row: GrantRow,
  parts: GrantParts,
  network: { slug: string; name: string },
  contactPerson: Grant['contactPerson'],
): Grant {
  const { spentByAllocation } = grantFigures({ amount: row.amount, allocations: parts.allocations, expenses: parts.expenses });
  const allocations: GrantAllocation[] = parts.allocations.map((a) => {
    const spent = spentByAllocation[a.id] ?? 0;
    return {
      ...stamp(a),
      target: a.target,
      year: a.year,
      project: a.project
        ? { id: a.project.id, reference: projectReference(a.project.year, a.project.sequence), title: a.project.title }
        : null,
      amount: a.amount,
      note: a.note,
      spent,
      remaining: a.amount - spent,
    };
  });
  const expenses: GrantExpense[] = parts.expenses.map((e) => ({
    ...stamp(e),
    date: e.date,
    amount: e.amount,
    text: e.text,
    allocationId: e.allocationId,
  }));
  const deadlines: GrantDeadline[] = parts.deadlines.map((d) => ({
    ...stamp(d),
    dueDate: d.dueDate,
    description: d.description,
    reportedAt: d.reportedAt?.toISOString() ?? null,
    reportedBy: d.reportedByName,
  }));
  return {
    ...presentGrantSummary(row, parts),
    networkSlug: network.slug,
    networkName: network.name,
    conditions: row.conditions,
    purpose: row.purpose,
    contactPerson,
    allocations,
    expenses,
    deadlines,
  };
}
