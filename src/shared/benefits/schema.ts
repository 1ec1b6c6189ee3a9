import { z } from 'zod';
import { Id, IsoDate, MunicipalityNumber, OptionalText, Text, Version } from '../common.ts';
import { BENEFIT_AREAS } from '../strategy/schema.ts';

/**
 * The benefits module's contract (nyttestyring). A project's benefits (nyttevirkninger), each linked to the changes
 * that cause it and to the strategy's benefit areas, with one overall owner (nytteeier) for the network; indicators
 * measure a benefit; per participating municipality an indicator has a baseline, a target, interim targets and a
 * responsible person (nytteansvarlig); measurements per municipality give the achievement, rolled up to the
 * benefit, the project, the focus area and the network.
 */

// ---------- vocabularies ----------
/** What kind of benefit (nyttevirkning) it is. */
export const BENEFIT_TYPES = ['timeSaved', 'costReduced', 'quality', 'satisfaction', 'other'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

/** Whether a higher or a lower value is better. */
export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const MEASUREMENT_FREQUENCIES = ['monthly', 'quarterly', 'tertial', 'halfYearly', 'yearly'] as const;
export type MeasurementFrequency = (typeof MEASUREMENT_FREQUENCIES)[number];

export const FREQUENCY_MONTHS: Record<MeasurementFrequency, number> = {
  monthly: 1,
  quarterly: 3,
  tertial: 4,
  halfYearly: 6,
  yearly: 12,
};

// ---------- the arithmetic, one place for server, page and exports ----------
/**
 * How far a value has come from the baseline towards the target: (value − baseline) ÷ (target − baseline). 0 at the
 * baseline, 1 at the target, above 1 beyond it, below 0 when it went the wrong way. Null when there is no value or
 * the target equals the baseline.
 */
export function achievement(baseline: number, target: number, value: number | null): number | null {
  if (value === null || target === baseline) return null;
  return (value - baseline) / (target - baseline);
}

/**
 * The day the next measurement is due: one period of the indicator's frequency after the latest measurement, or
 * after the baseline date when nothing has been measured yet.
 */
export function nextMeasurementDue(frequency: MeasurementFrequency, baselineDate: string, lastMeasuredOn: string | null): string {
  const from = new Date(`${lastMeasuredOn ?? baselineDate}T00:00:00Z`);
  const day = from.getUTCDate();
  from.setUTCDate(1);
  from.setUTCMonth(from.getUTCMonth() + FREQUENCY_MONTHS[frequency]);
  // The same day of the month, or the month's last day when it is shorter (31 January + 1 month = 28/29 February).
  const lastDay = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 0)).getUTCDate();
  from.setUTCDate(Math.min(day, lastDay));
  return from.toISOString().slice(0, 10);
}

// ---------- inputs ----------
/** No defaults here or below: update schemas are these made partial, and a default there overwrites what was not sent. */
export const BenefitInputSchema = z.object({
  title: Text(200),
  description: OptionalText(4000),
  type: z.enum(BENEFIT_TYPES, { error: 'choice' }),
  /** For whom: the residents, employees or services that get it. */
  beneficiaries: OptionalText(500),
  /** The changes (endringer) in work or services that cause it. */
  changes: OptionalText(4000),
  /** Deliverables of the same project that make the changes possible. */
  deliverableIds: z.array(Id).max(50),
  benefitAreas: z.array(z.enum(BENEFIT_AREAS, { error: 'choice' })).max(BENEFIT_AREAS.length),
  /** The network's overall owner of the benefit (nytteeier), a person of the network. */
  ownerPersonId: Id.nullish(),
});
export type BenefitInput = z.infer<typeof BenefitInputSchema>;
export const BenefitUpdateSchema = BenefitInputSchema.partial().extend({ version: Version });
export type BenefitUpdateInput = z.infer<typeof BenefitUpdateSchema>;

export const IndicatorInputSchema = z.object({
  name: Text(200),
  /** «timer per år», «kr», «%», «antall». */
  unit: Text(40),
  direction: z.enum(INDICATOR_DIRECTIONS, { error: 'choice' }),
  /**
   * Whether the municipalities' values may be added up (hours saved, kroner): then the network's achievement is that
   * of the sums; otherwise (a share, a satisfaction score) the municipalities' achievements are averaged with weights.
   */
  additive: z.boolean({ error: 'type' }),
  dataSource: OptionalText(500),
  frequency: z.enum(MEASUREMENT_FREQUENCIES, { error: 'choice' }),
});
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;
export const IndicatorUpdateSchema = IndicatorInputSchema.partial().extend({ version: Version });
export type IndicatorUpdateInput = z.infer<typeof IndicatorUpdateSchema>;

const Value = z.number({ error: 'type' }).finite().min(-1e12).max(1e12);

/**
 * One municipality's plan for an indicator, saved whole: baseline, target, interim targets (the trajectory), the
 * responsible person (nytteansvarlig) and the weight its achievement has in a non-additive average (1 when null).
 * `version` proves a change saw the latest; a first save has none.
 */
export const IndicatorTargetInputSchema = z
  .object({
    baselineValue: Value,
    baselineDate: IsoDate,
    targetValue: Value,
    targetDate: IsoDate,
    interimTargets: z.array(z.object({ date: IsoDate, value: Value })).max(40),
    responsiblePersonId: Id.nullish(),
    weight: z.number({ error: 'type' }).positive().max(1e9).nullish(),
    version: Version.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.targetDate <= value.baselineDate) ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'dateOrder' });
    if (value.targetValue === value.baselineValue) ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'invalid' });
    value.interimTargets.forEach((interim, i) => {
      if (interim.date <= value.baselineDate || interim.date >= value.targetDate) {
        ctx.addIssue({ code: 'custom', path: ['interimTargets', i, 'date'], message: 'dateOrder' });
      }
    });
  });
export type IndicatorTargetInput = z.infer<typeof IndicatorTargetInputSchema>;

export const MeasurementInputSchema = z.object({
  municipalityNumber: MunicipalityNumber,
  measuredOn: IsoDate,
  value: Value,
  note: OptionalText(1000),
});
export type MeasurementInput = z.infer<typeof MeasurementInputSchema>;

// ---------- answers ----------
export const IndicatorTargetSchema = z.object({
  id: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  baselineValue: z.number(),
  baselineDate: z.string(),
  targetValue: z.number(),
  targetDate: z.string(),
  interimTargets: z.array(z.object({ date: z.string(), value: z.number() })),
  responsible: z.object({ personId: z.string(), name: z.string() }).nullable(),
  weight: z.number(),
  /** The latest measurement, its achievement, and when the next is due. */
  latest: z.object({ measuredOn: z.string(), value: z.number() }).nullable(),
  achievement: z.number().nullable(),
  nextDue: z.string(),
  version: z.number().int(),
});
export type IndicatorTarget = z.infer<typeof IndicatorTargetSchema>;

export const MeasurementSchema = z.object({
  id: z.string(),
  municipalityNumber: z.string(),
  measuredOn: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type Measurement = z.infer<typeof MeasurementSchema>;

export const IndicatorSchema = z.object({
  id: z.string(),
  benefitId: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  additive: z.boolean(),
  dataSource: z.string().nullable(),
  frequency: z.enum(MEASUREMENT_FREQUENCIES),
  targets: z.array(IndicatorTargetSchema),
  measurements: z.array(MeasurementSchema),
  /** The network's achievement on this indicator (null until a municipality has measured). */
  achievement: z.number().nullable(),
  version: z.number().int(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const BenefitSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  type: z.enum(BENEFIT_TYPES),
  beneficiaries: z.string().nullable(),
  changes: z.string().nullable(),
  deliverables: z.array(z.object({ id: z.string(), title: z.string() })),
  benefitAreas: z.array(z.enum(BENEFIT_AREAS)),
  owner: z.object({ personId: z.string(), name: z.string() }).nullable(),
  indicators: z.array(IndicatorSchema),
  achievement: z.number().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Benefit = z.infer<typeof BenefitSchema>;

/** A node of the roll-up: its achievement, and how many benefits and measured municipalities are under it. */
export const RollupFigureSchema = z.object({
  achievement: z.number().nullable(),
  benefitCount: z.number().int(),
  measuredBenefitCount: z.number().int(),
});
export type RollupFigure = z.infer<typeof RollupFigureSchema>;

/** One indicator of the roll-up across the municipalities in view (rollup-math.ts): for the spreadsheet export. */
export const RollupIndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  additive: z.boolean(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  current: z.number().nullable(),
  achievement: z.number().nullable(),
  municipalityCount: z.number().int(),
  measuredMunicipalityCount: z.number().int(),
});
export type RollupIndicator = z.infer<typeof RollupIndicatorSchema>;

/**
 * The roll-up of a network, the top of its traceability view: the network, each focus area and each project with its
 * achievement and how many of its benefits are measured, for the network or one municipality. A project in several
 * focus areas appears under each; projects without one under `null`. The benefits under a project, and their
 * indicators per municipality, are the project's (`GET /api/projects/:id/benefits`), so the answer stays small for a
 * network of a thousand projects; the spreadsheet export lists them all.
 */
export const BenefitsRollupSchema = z.object({
  municipalityNumber: z.string().nullable(),
  network: RollupFigureSchema,
  focusAreas: z.array(
    RollupFigureSchema.extend({
      key: z.string().nullable(),
      title: z.string().nullable(),
      projects: z.array(
        RollupFigureSchema.extend({
          id: z.string(),
          reference: z.string(),
          title: z.string(),
          phase: z.string(),
        }),
      ),
    }),
  ),
});
export type BenefitsRollup = z.infer<typeof BenefitsRollupSchema>;

export const RollupQuery = z.object({ municipality: MunicipalityNumber.optional() });
