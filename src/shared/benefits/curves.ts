import { z } from 'zod';
import { INDICATOR_DIRECTIONS } from './schema.ts';

/**
 * The benefit curves: for each indicator and municipality the planned curve (baseline → interim targets → target) and
 * the realized one (the measurements), and the curves added up where the indicator can be summed.
 *
 * «Can be summed» is the indicator's `additive` flag, set when it is planned: counts, hours and kroner add up across
 * municipalities (Sortland's saved hours and Hadsel's are the region's saved hours); shares, ratings and averages do
 * not (12 % in one municipality and 6 % in another is not 18 %). An indicator that cannot be summed has no roll-up
 * (`rollup: null`) and is named among a scope's `notSummed`. Above one indicator, only indicators with the same unit
 * are added (hours with hours, never hours with kroner).
 *
 * Planned sums are taken at every date any municipality's plan has a point, each plan read linearly between its points
 * and held flat before its baseline and after its target; realized sums at every date any municipality measured, each
 * holding its latest measurement, or its baseline before the first, with the count of those that had measured.
 */

export const CurvePointSchema = z.object({ date: z.string(), value: z.number() });
export type CurvePoint = z.infer<typeof CurvePointSchema>;

export const SummedRealizedPointSchema = CurvePointSchema.extend({
  /** How many of the summed municipalities had measured on or before the date; the others count with their baseline. */
  measuredCount: z.number().int(),
});
export type SummedRealizedPoint = z.infer<typeof SummedRealizedPointSchema>;

/** One municipality's curves for one indicator. */
export const MunicipalCurveSchema = z.object({
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  planned: z.array(CurvePointSchema),
  realized: z.array(CurvePointSchema),
});
export type MunicipalCurve = z.infer<typeof MunicipalCurveSchema>;

/** Curves added up: of one indicator across its municipalities, or of a scope's indicators with one unit. */
export const SummedCurveSchema = z.object({
  unit: z.string(),
  planned: z.array(CurvePointSchema),
  realized: z.array(SummedRealizedPointSchema),
  indicatorCount: z.number().int(),
  /** The municipality plans (indicator × municipality) in the sum. */
  municipalityCount: z.number().int(),
});
export type SummedCurve = z.infer<typeof SummedCurveSchema>;

export const IndicatorCurvesSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  additive: z.boolean(),
  municipalities: z.array(MunicipalCurveSchema),
  /** The municipalities added up; null when the indicator cannot be summed or has no plans. */
  rollup: SummedCurveSchema.nullable(),
});
export type IndicatorCurves = z.infer<typeof IndicatorCurvesSchema>;

export const BenefitCurvesSchema = z.object({
  id: z.string(),
  title: z.string(),
  project: z.object({ id: z.string(), reference: z.string(), title: z.string(), networkSlug: z.string() }),
  indicators: z.array(IndicatorCurvesSchema),
});
export type BenefitCurves = z.infer<typeof BenefitCurvesSchema>;

export const CURVE_SCOPES = ['benefit', 'project', 'focusArea', 'network'] as const;
export type CurveScope = (typeof CURVE_SCOPES)[number];

/** A level of the roll-up: its summed curves, one per unit, and the indicators with plans it could not sum. */
export const ScopeCurvesSchema = z.object({
  scope: z.enum(CURVE_SCOPES),
  /** The benefit's or project's id, the focus area's key (null: projects without one), null for the network. */
  key: z.string().nullable(),
  title: z.string().nullable(),
  sums: z.array(SummedCurveSchema),
  notSummed: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string() })),
});
export type ScopeCurves = z.infer<typeof ScopeCurvesSchema>;

/**
 * The curves of a project (its benefits, each benefit's and the project's sums), of a network (the network's and each
 * focus area's and project's sums; the benefits are each project's), or of a municipality (its own curves across the
 * networks the reader sees; a single municipality has nothing to add up).
 */
export const BenefitCurvesAnswerSchema = z.object({
  municipalityNumber: z.string().nullable(),
  benefits: z.array(BenefitCurvesSchema),
  scopes: z.array(ScopeCurvesSchema),
});
export type BenefitCurvesAnswer = z.infer<typeof BenefitCurvesAnswerSchema>;
