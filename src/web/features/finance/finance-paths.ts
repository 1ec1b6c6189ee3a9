// Kept apart from FinanceFrame.tsx, so the paths other features import do not bring the pages' frame with them.

/** The finance pages of a network: the overview at `/n/:slug/okonomi`, the others below it. */
export const FINANCE_PAGES = ['oversikt', 'budsjett', 'tilskudd', 'kontingent', 'egeninnsats', 'kapasitet'] as const;
export type FinancePage = (typeof FINANCE_PAGES)[number];

export const financePath = (slug: string, page: FinancePage = 'oversikt') =>
  page === 'oversikt' ? `/n/${slug}/okonomi` : `/n/${slug}/okonomi/${page}`;
