/**
 * The cost split (kostnadsfordeling): how an amount in whole kroner is shared among a project's participating
 * municipalities — equally, by population, or by agreed percentages. Integer arithmetic only (BigInt, since a total
 * times a population can pass 2^53): every share is rounded down, and the kroner left over go one each to the
 * largest remainders, ties broken by municipality number. So the shares always add up to the total, none is
 * negative, and the order the participants are listed in does not matter.
 */

export const SPLIT_METHODS = ['equal', 'population', 'agreed'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

/** 100 % in basis points (1 % = 100 basis points). */
export const FULL_SHARE_BASIS_POINTS = 10_000;

export interface SplitParticipant {
  municipalityNumber: string;
  /** The municipality's reference population (used by `population`). */
  population: number;
  /** The agreed share in basis points (used by `agreed`); a participant without one weighs nothing. */
  basisPoints?: number | null;
}

export interface SplitLine {
  municipalityNumber: string;
  amount: number;
}

function weightOf(method: SplitMethod, p: SplitParticipant): bigint {
  switch (method) {
    case 'equal':
      return 1n;
    case 'population':
      return BigInt(Math.max(0, Math.trunc(p.population)));
    case 'agreed':
      return BigInt(Math.max(0, Math.trunc(p.basisPoints ?? 0)));
  }
}

/**
 * Splits `total` (whole kroner, ≥ 0) among the participants by `method`; one line per participant, by municipality
 * number. When every weight is zero (no population known, no percentages agreed) the split is equal. No participants:
 * no lines.
 */
export function splitCost(total: number, method: SplitMethod, participants: readonly SplitParticipant[]): SplitLine[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('total must be a non-negative whole number of kroner');
  const sorted = [...participants].sort((a, b) =>
    a.municipalityNumber < b.municipalityNumber ? -1 : a.municipalityNumber > b.municipalityNumber ? 1 : 0,
  );
  if (sorted.length === 0) return [];
  let weights = sorted.map((p) => weightOf(method, p));
  let sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    weights = sorted.map(() => 1n);
    sum = BigInt(sorted.length);
  }
  const big = BigInt(total);
  const shares = weights.map((w, index) => ({ index, floor: (big * w) / sum, remainder: (big * w) % sum }));
  let left = big - shares.reduce((a, s) => a + s.floor, 0n);
  // Largest remainder first; equal remainders by municipality number (the sorted order).
  const order = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const extra = new Array<bigint>(sorted.length).fill(0n);
  for (const share of order) {
    if (left === 0n) break;
    extra[share.index] = 1n;
    left -= 1n;
  }
  return sorted.map((p, i) => ({ municipalityNumber: p.municipalityNumber, amount: Number(shares[i]!.floor + extra[i]!) }));
}
