import type { MaturityTrend, ResultsFilter, Scorecard } from './surveys.ts';

/**
 * The results narrowed to a filter, for the round page and its exports alike: only the chosen municipalities'
 * rows and the chosen dimensions' columns. The network average keeps its whole-network values (only its
 * columns are narrowed), so a municipality is still compared with every member, not with the others chosen.
 */
function chosen(filter: ResultsFilter) {
  const municipalities = filter.municipality?.length ? new Set(filter.municipality) : null;
  const dimensions = filter.dimension?.length ? new Set(filter.dimension) : null;
  return {
    municipality: (number: string) => municipalities === null || municipalities.has(number),
    dimension: (key: string) => dimensions === null || dimensions.has(key),
    columns: (record: Record<string, number | null>) =>
      dimensions === null ? record : Object.fromEntries(Object.entries(record).filter(([key]) => dimensions.has(key))),
  };
}

/** The first chosen dimension that is none of `sections`, if any. */
export function unknownDimension(sections: Array<{ key: string }>, filter: ResultsFilter): string | undefined {
  return filter.dimension?.find((key) => !sections.some((s) => s.key === key));
}

/** The scorecard narrowed to the filter; the answers per question are narrowed to the chosen dimensions only. */
export function filterScorecard(card: Scorecard, filter: ResultsFilter): Scorecard {
  const is = chosen(filter);
  return {
    ...card,
    sections: card.sections.filter((s) => is.dimension(s.key)),
    municipalities: card.municipalities
      .filter((m) => is.municipality(m.number))
      .map((m) => ({ ...m, scores: is.columns(m.scores), change: is.columns(m.change) })),
    networkAverage: is.columns(card.networkAverage),
    previousNetworkAverage: card.previousNetworkAverage && is.columns(card.previousNetworkAverage),
    questions: card.questions.filter((q) => is.dimension(q.section)),
  };
}

/** Maturity over the rounds narrowed to the filter. */
export function filterTrend(trend: MaturityTrend, filter: ResultsFilter): MaturityTrend {
  const is = chosen(filter);
  return {
    rounds: trend.rounds.map((r) => ({ ...r, networkAverage: is.columns(r.networkAverage) })),
    sections: trend.sections.filter((s) => is.dimension(s.key)),
    municipalities: trend.municipalities
      .filter((m) => is.municipality(m.number))
      .map((m) => ({ ...m, byRound: m.byRound.map((scores) => is.columns(scores)) })),
  };
}
