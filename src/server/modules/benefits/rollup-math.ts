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

function weightedAverage(pairs: Array<{ value: number; weight: number }>): number | null {
  const total = sum(pairs.map((p) => p.weight));
  return total > 0 ? sum(pairs.map((p) => p.value * p.weight)) / total : null;
}

export function combineMunicipalities(additive: boolean, figures: MunicipalFigure[]): CombinedFigure {
  const measured = figures.filter((f): f is MunicipalFigure & { current: number } => f.current !== null);
  const counts = { municipalityCount: figures.length, measuredMunicipalityCount: measured.length };
  if (figures.length === 0) return { baseline: null, target: null, current: null, achievement: null, ...counts };
  if (additive) {
    return {
      baseline: sum(figures.map((f) => f.baseline)),
      target: sum(figures.map((f) => f.target)),
      current: measured.length > 0 ? sum(measured.map((f) => f.current)) : null,
      achievement:
        measured.length > 0
          ? achievement(sum(measured.map((f) => f.baseline)), sum(measured.map((f) => f.target)), sum(measured.map((f) => f.current)))
          : null,
      ...counts,
    };
  }
  const average = (pick: (f: MunicipalFigure) => number, of: MunicipalFigure[]) =>
    weightedAverage(of.map((f) => ({ value: pick(f), weight: f.weight })));
  const achieved = measured.flatMap((f) => {
    const value = achievement(f.baseline, f.target, f.current);
    return value === null ? [] : [{ value, weight: f.weight }];
  });
  return {
    baseline: average((f) => f.baseline, figures),
    target: average((f) => f.target, figures),
    current: measured.length > 0 ? average((f) => f.current!, measured) : null,
    achievement: weightedAverage(achieved),
    ...counts,
  };
}

/** The plain average of the known values; null when none is known. */
export function mean(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? sum(known) / known.length : null;
}
