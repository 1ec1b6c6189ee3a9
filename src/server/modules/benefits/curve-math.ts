/**
 * The arithmetic of the benefit curves, pure so it can be checked by hand (curve-math.test.ts).
 *
 * A municipality's planned curve is its baseline, its interim targets and its target as dated points. Between two
 * points the plan is read as a straight line (day by day); before the baseline it is the baseline and after the target
 * the target, since a plan says nothing beyond its ends and the municipality is expected to stay where it was or
 * where it arrived. Planned curves of several municipalities add up at every date any of them has a point, each read
 * there as above.
 *
 * A realized curve is the measurements. A measurement holds until the next one (a figure is not known to change
 * between measurements), and before a municipality's first measurement its baseline holds. Realized curves add up at
 * every date any municipality measured, and each summed point says how many municipalities had measured by then, so
 * a sum partly made of baselines is not read as fully measured.
 */

export interface CurvePoint {
  date: string;
  value: number;
}

export interface SummedRealizedPoint extends CurvePoint {
  /** How many of the summed municipalities had measured on or before this date. */
  measuredCount: number;
}

export interface PlanInput {
  baselineDate: string;
  baselineValue: number;
  interimTargets: readonly CurvePoint[];
  targetDate: string;
  targetValue: number;
}

export interface RealizedInput {
  baselineValue: number;
  measurements: readonly CurvePoint[];
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const byDate = (a: CurvePoint, b: CurvePoint) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Sums of fractions carry binary noise (0.1 + 0.2); six decimals are more than any indicator is measured in. */
export const tidy = (value: number) => Math.round(value * 1e6) / 1e6;

/** The plan as dated points, in date order: baseline, the interim targets, the target. */
export function plannedCurve(plan: PlanInput): CurvePoint[] {
  return [
    { date: plan.baselineDate, value: plan.baselineValue },
    ...[...plan.interimTargets].sort(byDate).map((p) => ({ date: p.date, value: p.value })),
    { date: plan.targetDate, value: plan.targetValue },
  ];
}

/** The planned value on a date: linear between the points around it, flat before the first and after the last. */
export function plannedValueAt(points: readonly CurvePoint[], date: string): number {
  const first = points[0];
  if (!first) throw new Error('a planned curve has at least its baseline and target');
  if (date <= first.date) return first.value;
  for (let i = 1; i < points.length; i++) {
    const after = points[i]!;
    if (date > after.date) continue;
    const before = points[i - 1]!;
    const span = dayNumber(after.date) - dayNumber(before.date);
    if (span === 0) return after.value;
    const share = (dayNumber(date) - dayNumber(before.date)) / span;
    return before.value + (after.value - before.value) * share;
  }
  return points[points.length - 1]!.value;
}

/** The dates of all the curves, once each, in order. */
function unionOfDates(curves: ReadonlyArray<readonly CurvePoint[]>): string[] {
  return [...new Set(curves.flatMap((c) => c.map((p) => p.date)))].sort();
}

/** Several municipalities' planned curves added up at every date any of them has a point. */
export function sumPlanned(curves: ReadonlyArray<readonly CurvePoint[]>): CurvePoint[] {
  const present = curves.filter((c) => c.length > 0);
  return unionOfDates(present).map((date) => ({ date, value: tidy(present.reduce((sum, c) => sum + plannedValueAt(c, date), 0)) }));
}

/** The realized value on a date: the latest measurement on or before it, else the baseline; and whether measured. */
export function realizedValueAt(series: RealizedInput, date: string): { value: number; measured: boolean } {
  let latest: CurvePoint | null = null;
  for (const m of series.measurements) if (m.date <= date && (latest === null || m.date >= latest.date)) latest = m;
  return latest ? { value: latest.value, measured: true } : { value: series.baselineValue, measured: false };
}

/** Several municipalities' realized curves added up at every date any of them measured. */
export function sumRealized(series: readonly RealizedInput[]): SummedRealizedPoint[] {
  return unionOfDates(series.map((s) => s.measurements)).map((date) => {
    let value = 0;
    let measuredCount = 0;
    for (const s of series) {
      const at = realizedValueAt(s, date);
      value += at.value;
      if (at.measured) measuredCount++;
    }
    return { date, value: tidy(value), measuredCount };
  });
}

/**
 * The key under which indicators are added up above a single indicator: the unit as written, trimmed, in lower case
 * and with single spaces, so «Timer» and «timer » meet and «timer» and «kr» never do.
 */
export const unitKey = (unit: string) => unit.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
