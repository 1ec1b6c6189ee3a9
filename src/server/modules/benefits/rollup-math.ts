import { achievement } from '../../../shared/benefits/schema.ts';

/**
 * How achievements combine, the one rule for a project's page, the roll-up, the exports and the benefits plan.
 *
 * Across municipalities, per indicator: where the unit is additive (hours, kroner) the network's achievement is that
 * of the sums, (Σ value − Σ baseline) ÷ (Σ target − Σ baseline); otherwise (a share, a score) it is the average of
 * the municipalities' achievements weighted by each target's weight. Only municipalities that have measured count:
 * one that has not yet measured neither pulls the figure down nor up, and the counts beside the figure say how many
 * have. Above the indicator, units differ, so achievements are averaged: a benefit's of its indicators, and a
 * project's, a focus area's and the network's of their benefits (each benefit counts once).
 */

export interface MunicipalFigure {
  baseline: number;
  target: number;
  /** The latest measured value; null when not yet measured. */
  current: number | null;
  weight: number;
}

export interface CombinedFigure {
  /** Sums for an additive unit, weighted averages otherwise; `current` over the measured municipalities only. */
  baseline: number | null;
  target: number | null;
  current: number | null;
  achievement: number | null;
  municipalityCount: number;
  measuredMunicipalityCount: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * What combining an indicator's municipalities needs, summed over them in one order: `sumsOf` here, and the benefits
 * roll-up's query in SQL (`INDICATOR_SUMS` in rollup.ts), which sums the same products in the same order, so both give
 * the same figures to the last bit. Sums over no rows are null (as SQL's are).
 */
export interface IndicatorSums {
  count: number;
  measured: number;
  /** Σ baseline and Σ target over every municipality; Σ weight, Σ weight·baseline and Σ weight·target likewise. */
  baseline: number | null;
  target: number | null;
  weight: number | null;
  weightedBaseline: number | null;
  weightedTarget: number | null;
  /** The same over the measured municipalities, with Σ current and Σ weight·current. */
  measuredBaseline: number | null;
  measuredTarget: number | null;
  measuredCurrent: number | null;
  measuredWeight: number | null;
  weightedCurrent: number | null;
  /** Σ weight and Σ weight·achievement over the measured municipalities whose target differs from the baseline. */
  achievedWeight: number | null;
  weightedAchievement: number | null;
}

export function sumsOf(figures: MunicipalFigure[]): IndicatorSums {
  const measured = figures.filter((f): f is MunicipalFigure & { current: number } => f.current !== null);
  const achieved = measured.filter((f) => f.target !== f.baseline);
  const total = <T>(of: T[], pick: (f: T) => number) => (of.length > 0 ? sum(of.map(pick)) : null);
  return {
    count: figures.length,
    measured: measured.length,
    baseline: total(figures, (f) => f.baseline),
    target: total(figures, (f) => f.target),
    weight: total(figures, (f) => f.weight),
    weightedBaseline: total(figures, (f) => f.baseline * f.weight),
    weightedTarget: total(figures, (f) => f.target * f.weight),
    measuredBaseline: total(measured, (f) => f.baseline),
    measuredTarget: total(measured, (f) => f.target),
    measuredCurrent: total(measured, (f) => f.current),
    measuredWeight: total(measured, (f) => f.weight),
    weightedCurrent: total(measured, (f) => f.current * f.weight),
    achievedWeight: total(achieved, (f) => f.weight),
    weightedAchievement: total(achieved, (f) => achievement(f.baseline, f.target, f.current)! * f.weight),
  };
}

export function combineMunicipalities(additive: boolean, figures: MunicipalFigure[]): CombinedFigure {
  return combineSums(additive, sumsOf(figures));
}

export function combineSums(additive: boolean, s: IndicatorSums): CombinedFigure {
  const counts = { municipalityCount: s.count, measuredMunicipalityCount: s.measured };
  if (s.count === 0) return { baseline: null, target: null, current: null, achievement: null, ...counts };
  const measured = s.measured > 0;
  if (additive) {
    return {
      baseline: s.baseline,
      target: s.target,
      current: measured ? s.measuredCurrent : null,
      achievement: measured ? achievement(s.measuredBaseline!, s.measuredTarget!, s.measuredCurrent) : null,
      ...counts,
    };
  }
  const average = (weighted: number | null, weight: number | null) => (weight !== null && weight > 0 ? weighted! / weight : null);
  return {
    baseline: average(s.weightedBaseline, s.weight),
    target: average(s.weightedTarget, s.weight),
    current: measured ? average(s.weightedCurrent, s.measuredWeight) : null,
    achievement: average(s.weightedAchievement, s.achievedWeight),
    ...counts,
  };
}

/** The plain average of the known values; null when none is known. */
export function mean(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? sum(known) / known.length : null;
}
