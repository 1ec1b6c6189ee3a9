/** The value axis of a curve chart. */

/** Round steps (1, 2 or 5 × 10ⁿ) from at or below the lowest value to at or above the highest, about `count` of them. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  const [lo, hi] = low === high ? [low - 1, high + 1] : [low, high];
  const raw = (hi - lo) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  // toPrecision drops the binary noise of adding steps (0.1 + 0.05 + …), so the labels read as written.
  for (let v = Math.floor(lo / step) * step; v <= Math.ceil(hi / step) * step + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}
