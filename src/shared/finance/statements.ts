import { z } from 'zod';
import { RollupFigureSchema } from '../benefits/schema.ts';
import { MunicipalityNumber } from '../common.ts';
import { FeeDecisionSchema, FeeScheduleSummarySchema, FeeYear } from './fees.ts';
import { SPLIT_METHODS } from './cost-split.ts';
import { BudgetTotalsSchema } from './budget.ts';
import { GrantsFinancingSchema } from './grants.ts';

/**
 * The finance module's per-municipality statement (kommuneoppstilling) for a year, and the network's overview of
 * them: what each municipality pays (its member fee and its shares of the projects it takes part in), what it
 * contributes (own effort, valued at the network's hourly rate) and what it takes part in (projects and the benefits
 * realized for it). Whole kroner; the totals are sums of the lines shown, so a page and its PDF always agree.
 */

export const StatementYearQuery = z.object({ year: z.coerce.number().pipe(FeeYear) });
/** The overview's year: without one, the latest year the network has finance in (the answer says which). */
export const OverviewYearQuery = z.object({ year: z.coerce.number().pipe(FeeYear).optional() });
export const StatementParams = z.object({ networkId: z.string(), municipalityNumber: MunicipalityNumber });

/** The year's fee schedule the statement takes the fee from: the adopted one, otherwise the draft (and it says so). */
export const StatementScheduleSchema = FeeScheduleSummarySchema.pick({ id: true, title: true, status: true, populationYear: true }).extend({
  decision: FeeDecisionSchema.nullable(),
});
export type StatementSchedule = z.infer<typeof StatementScheduleSchema>;

/**
 * A project the municipality takes part in that runs in the year. `share` is the municipality's part of the project's
 * whole cost for the whole project period (its current split); `shareInYear` the part of it that falls in the year,
 * spread over the project's period by `spreadShare` (year-spread.ts). Both null when the project has no financing yet.
 */
export const StatementProjectSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  phase: z.string(),
  startDate: z.string().nullable(),
  plannedEndDate: z.string().nullable(),
  costTotal: z.number().int().nullable(),
  method: z.enum(SPLIT_METHODS).nullable(),
  share: z.number().int().nullable(),
  shareInYear: z.number().int().nullable(),
  benefits: RollupFigureSchema,
});
export type StatementProject = z.infer<typeof StatementProjectSchema>;

export const MunicipalityStatementSchema = z.object({
  year: z.number().int(),
  network: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  municipality: z.object({
    number: z.string(),
    name: z.string(),
    population: z.number().int(),
    populationYear: z.number().int(),
    writtenStandard: z.enum(['bokmal', 'nynorsk', 'neutral']).nullable(),
  }),
  schedule: StatementScheduleSchema.nullable(),
  /** The member fee for the year; null without a schedule for the year or when the municipality is not on it. */
  fee: z.number().int().nullable(),
  projects: z.array(StatementProjectSchema),
  /** The projects' shares that fall in the year: the sum of `shareInYear`. */
  projectShares: z.number().int(),
  /**
   * Own effort in the year by project, the network's common work first (`projectId` null: steering group, working
   * groups, the secretariat's tasks); hours in hundredths, value in whole kroner at the year's rate.
   */
  ownEffort: z.array(
    z.object({
      projectId: z.string().nullable(),
      reference: z.string().nullable(),
      title: z.string().nullable(),
      hours: z.number().int(),
      value: z.number().int(),
    }),
  ),
  ownEffortHours: z.number().int(),
  ownEffortValue: z.number().int(),
  /** The hourly rate of the year, or null when the network has none. */
  hourlyRate: z.number().int().nullable(),
  /** Fee and the project shares for the year: what the municipality pays in money in the year. */
  pays: z.number().int(),
  /** The benefits of the projects it takes part in, from its own measurements. */
  benefits: RollupFigureSchema,
});
export type MunicipalityStatement = z.infer<typeof MunicipalityStatementSchema>;

export const StatementSummarySchema = z.object({
  number: z.string(),
  name: z.string(),
  fee: z.number().int().nullable(),
  projectCount: z.number().int(),
  /** The shares of the projects that fall in the year, as on the municipality's statement. */
  projectShares: z.number().int(),
  ownEffortHours: z.number().int(),
  ownEffortValue: z.number().int(),
  pays: z.number().int(),
});
export type StatementSummary = z.infer<typeof StatementSummarySchema>;

/**
 * The network's year: its budget's totals (budgeted and as it stands), what grants finance in the year, and every
 * member's statement in short with the sums.
 */
export const FinanceOverviewSchema = z.object({
  year: z.number().int(),
  network: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  budget: z.object({ id: z.string(), title: z.string(), totals: BudgetTotalsSchema }).nullable(),
  grants: GrantsFinancingSchema,
  schedule: StatementScheduleSchema.nullable(),
  hourlyRate: z.number().int().nullable(),
  municipalities: z.array(StatementSummarySchema),
  totals: StatementSummarySchema.omit({ number: true, name: true }),
});
export type FinanceOverview = z.infer<typeof FinanceOverviewSchema>;

/** The sums of the overview's columns: the lines as shown, added up (a missing fee counts as nothing). */
export function overviewTotals(lines: StatementSummary[]): FinanceOverview['totals'] {
  const sum = (pick: (line: StatementSummary) => number | null) => lines.reduce((total, line) => total + (pick(line) ?? 0), 0);
  return {
    fee: lines.some((l) => l.fee !== null) ? sum((l) => l.fee) : null,
    projectCount: sum((l) => l.projectCount),
    projectShares: sum((l) => l.projectShares),
    ownEffortHours: sum((l) => l.ownEffortHours),
    ownEffortValue: sum((l) => l.ownEffortValue),
    pays: sum((l) => l.pays),
  };
}
