import { z } from 'zod';
import { Kroner, OptionalText, Version } from '../common.ts';
import { REPORT_STATUSES } from '../strategy/schema.ts';

/**
 * A project's status report (statusrapport), monthly or per tertial: the overall state and each of the project
 * model's control parameters (styringsparametere) green, yellow or red with a comment, and the budget, the cost so far
 * and the forecast. A report is written as a draft and frozen when published, as a PDF snapshot kept beside it.
 */

// ---------- vocabularies ----------
export const REPORT_PERIOD_KINDS = ['month', 'tertial'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/** The control parameters of Prosjektveiviseren, in the order a report shows them. */
export const CONTROL_PARAMETERS = ['benefits', 'cost', 'time', 'quality', 'scope', 'sustainability', 'risk'] as const;
export type ControlParameter = (typeof CONTROL_PARAMETERS)[number];

/** Green on track, yellow at risk, red off track: the same lights as the action plans' tertial reports. */
export const STATUS_LIGHTS = REPORT_STATUSES;
export type StatusLight = (typeof STATUS_LIGHTS)[number];

export const STATUS_REPORT_STATES = ['draft', 'published'] as const;
export type StatusReportState = (typeof STATUS_REPORT_STATES)[number];

/** The portfolio's status filter: the overall light of a project's latest published report, or none published yet. */
export const PORTFOLIO_STATUSES = [...STATUS_LIGHTS, 'none'] as const;
export type PortfolioStatus = (typeof PORTFOLIO_STATUSES)[number];

/** The last period of a kind in a year: 12 months, 3 tertials. */
export const periodsInYear = (kind: ReportPeriodKind) => (kind === 'month' ? 12 : 3);

/** «2026-03» for March, «2026 T2» for the second tertial: how a period is named in lists, exports and the PDF. */
export const periodLabel = (kind: ReportPeriodKind, year: number, period: number) =>
  kind === 'month' ? `${year}-${String(period).padStart(2, '0')}` : `${year} T${period}`;

/**
 * Where a period ends, counted in months (a tertial is four): April 2026 and the first tertial of 2026 end in the same
 * month. A project's latest report is the one whose period ends last.
 */
export const periodEnd = (kind: ReportPeriodKind, year: number, period: number) => year * 12 + (kind === 'month' ? period : period * 4);

// ---------- inputs ----------
const Light = z.enum(STATUS_LIGHTS, { error: 'choice' });
const ParameterAssessment = z.object({ status: Light, comment: OptionalText(2000) });

/** No defaults: the update schema is this made partial, and a default there would overwrite what was not sent. */
const StatusReportFields = z.object({
  periodKind: z.enum(REPORT_PERIOD_KINDS, { error: 'choice' }),
  year: z.number().int({ error: 'type' }).min(2000).max(2100),
  /** 1–12 for a month, 1–3 for a tertial. */
  period: z.number().int({ error: 'type' }).min(1).max(12),
  overall: Light,
  summary: OptionalText(4000),
  parameters: z.object(
    Object.fromEntries(CONTROL_PARAMETERS.map((p) => [p, ParameterAssessment])) as Record<ControlParameter, typeof ParameterAssessment>,
  ),
  /** Whole kroner: the approved budget, what has been spent so far, and what the project is now expected to cost. */
  budget: Kroner.nullish(),
  spent: Kroner.nullish(),
  forecast: Kroner.nullish(),
});

function checkPeriod(value: { periodKind?: ReportPeriodKind | undefined; period?: number | undefined }, ctx: z.RefinementCtx) {
  if (value.periodKind && value.period !== undefined && value.period > periodsInYear(value.periodKind)) {
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'invalid' });
  }
}

export const StatusReportInputSchema = StatusReportFields.superRefine(checkPeriod);
export type StatusReportInput = z.infer<typeof StatusReportInputSchema>;

export const StatusReportUpdateSchema = StatusReportFields.partial().extend({ version: Version }).superRefine(checkPeriod);
export type StatusReportUpdateInput = z.infer<typeof StatusReportUpdateSchema>;

/** Publishing freezes the report at the version the publisher saw. */
export const StatusReportPublishSchema = z.object({ version: Version });
export type StatusReportPublishInput = z.infer<typeof StatusReportPublishSchema>;

// ---------- answers ----------
export const StatusReportSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  periodKind: z.enum(REPORT_PERIOD_KINDS),
  year: z.number().int(),
  period: z.number().int(),
  /** «2026-03» or «2026 T2» (periodLabel). */
  periodLabel: z.string(),
  overall: z.enum(STATUS_LIGHTS),
  summary: z.string().nullable(),
  parameters: z.record(z.enum(CONTROL_PARAMETERS), z.object({ status: z.enum(STATUS_LIGHTS), comment: z.string().nullable() })),
  budget: z.number().int().nullable(),
  spent: z.number().int().nullable(),
  forecast: z.number().int().nullable(),
  state: z.enum(STATUS_REPORT_STATES),
  /** When published: who published it (their name as it was), when, and the SHA-256 of the PDF snapshot frozen then. */
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  snapshotSha256: z.string().nullable(),
  /** The PDF snapshot (`GET /api/status-reports/:id/pdf`), once published. */
  pdfUrl: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type StatusReport = z.infer<typeof StatusReportSchema>;

/** A project's reports, newest period first, and whether the caller may write them (secretariat, owner, manager). */
export const StatusReportListSchema = z.object({ items: z.array(StatusReportSchema), canWrite: z.boolean() });
export type StatusReportList = z.infer<typeof StatusReportListSchema>;

/** A project's latest published status, as the portfolio shows it. */
export const LatestStatusSchema = z.object({
  reportId: z.string(),
  overall: z.enum(STATUS_LIGHTS),
  periodKind: z.enum(REPORT_PERIOD_KINDS),
  year: z.number().int(),
  period: z.number().int(),
  periodLabel: z.string(),
  publishedAt: z.string(),
});
export type LatestStatus = z.infer<typeof LatestStatusSchema>;
