import { z } from 'zod';
import { Id, MunicipalityNumber, OptionalText, Version } from '../common.ts';
import { EffortYear, HoursHundredths, MonthSchema } from './own-effort.ts';

/**
 * Capacity: the own-effort hours (egeninnsats) a member municipality plans to put into the network's projects, per
 * project, municipality and month, beside the hours it registers (`own-effort.ts`), and the hours it has committed
 * (forpliktet) to the network for a year. The capacity view puts planned against registered hours per municipality and
 * month across all the network's projects, and warns where a municipality's planned hours for a year exceed its
 * commitment: equal is within it, one hundredth over is over.
 *
 * Registered hours here are those registered on projects; the network's common work has no plan to compare with.
 * A plan in a month outside its project's period (before its start or after its planned end) is accepted, since plans
 * move before the project's dates do, and flagged as `outsidePeriod` wherever it is shown.
 */

/** The highest commitment accepted: 10 000 000 hours. */
export const MAX_COMMITMENT_HUNDREDTHS = 1_000_000_000;

// ---------- arithmetic ----------

/** Whether planned hours exceed the commitment; no commitment set is no warning. */
export function overCommitment(plannedHundredths: number, commitmentHundredths: number | null): boolean {
  return commitmentHundredths !== null && plannedHundredths > commitmentHundredths;
}

/** Whether a month 'YYYY-MM' lies outside a project's period (its start date and planned end date, either unset). */
export function outsidePeriod(month: string, startDate: string | null, plannedEndDate: string | null): boolean {
  return (startDate !== null && month < startDate.slice(0, 7)) || (plannedEndDate !== null && month > plannedEndDate.slice(0, 7));
}

/** The twelve months of a year, 'YYYY-01' to 'YYYY-12'. */
export const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

// ---------- input ----------

export const PlanCreateSchema = z.object({
  projectId: Id,
  municipalityNumber: MunicipalityNumber,
  month: MonthSchema,
  hoursHundredths: HoursHundredths,
  note: OptionalText(1000),
});
export type PlanCreateInput = z.infer<typeof PlanCreateSchema>;

/** The hours and the note; a plan for another project, municipality or month is a new plan. */
export const PlanUpdateSchema = z.object({
  hoursHundredths: HoursHundredths.optional(),
  note: OptionalText(1000),
  version: Version,
});
export type PlanUpdateInput = z.infer<typeof PlanUpdateSchema>;

export const PlanListQuery = z.object({
  year: z.coerce.number().pipe(EffortYear),
  municipality: MunicipalityNumber.optional(),
  project: Id.optional(),
});
export type PlanListQueryInput = z.infer<typeof PlanListQuery>;

export const CommitmentInputSchema = z.object({
  hoursHundredths: z.number({ error: 'hours' }).int({ error: 'hours' }).min(0).max(MAX_COMMITMENT_HUNDREDTHS),
  /** The commitment's version; left out when the municipality has none for the year yet. */
  version: Version.optional(),
});
export type CommitmentInput = z.infer<typeof CommitmentInputSchema>;

export const CapacityQuery = z.object({ year: z.coerce.number().pipe(EffortYear) });

// ---------- answers ----------

export const PlanSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  projectId: z.string(),
  projectReference: z.string(),
  projectTitle: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  month: z.string(),
  hundredths: z.number().int(),
  note: z.string().nullable(),
  /** The month lies before the project's start or after its planned end. */
  outsidePeriod: z.boolean(),
  /** Whether the caller may change or delete this plan. */
  editable: z.boolean(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const PlanListSchema = z.object({
  year: z.number().int(),
  plans: z.array(PlanSchema),
  totalHundredths: z.number().int(),
  /** The municipalities whose hours the caller may plan (all the members for the secretariat). */
  writableMunicipalities: z.array(z.string()),
});
export type PlanList = z.infer<typeof PlanListSchema>;

export const CommitmentSchema = z.object({
  year: z.number().int(),
  municipalityNumber: z.string(),
  /** Null: no commitment set for the year. */
  hundredths: z.number().int().nullable(),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  editable: z.boolean(),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

const PlannedRegistered = { planned: z.number().int(), registered: z.number().int() };

export const CapacityRowSchema = z.object({
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  /** Hundredths of an hour, the twelve months in order. */
  months: z.array(z.object({ month: z.string(), ...PlannedRegistered })),
  ...PlannedRegistered,
  commitment: CommitmentSchema,
  /** Planned hours for the year exceed the commitment. */
  over: z.boolean(),
  /** How many hundredths planned beyond the commitment (0 when within it or none is set). */
  overBy: z.number().int(),
});
export type CapacityRow = z.infer<typeof CapacityRowSchema>;

export const CapacitySchema = z.object({
  year: z.number().int(),
  municipalities: z.array(CapacityRowSchema),
  months: z.array(z.object({ month: z.string(), ...PlannedRegistered })),
  total: z.object({ ...PlannedRegistered, committed: z.number().int() }),
});
export type Capacity = z.infer<typeof CapacitySchema>;

/** A municipality's capacity in each network the caller reads where it is a member, for its own page. */
export const MunicipalityCapacitySchema = z.object({
  year: z.number().int(),
  networks: z.array(
    z.object({
      networkId: z.string(),
      networkSlug: z.string(),
      networkName: z.string(),
      ...PlannedRegistered,
      commitment: z.number().int().nullable(),
      over: z.boolean(),
      overBy: z.number().int(),
    }),
  ),
});
export type MunicipalityCapacity = z.infer<typeof MunicipalityCapacitySchema>;
