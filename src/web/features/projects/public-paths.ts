/** The public portfolio's addresses, in the app and in the API (shared by its pages and the home page's link). */
export const publicPortfolioApi = (slug: string) => `/public/networks/${encodeURIComponent(slug)}/projects`;
export const publicPortfolioPath = (slug: string) => `/innsyn/n/${encodeURIComponent(slug)}/prosjekter`;
export const publicProjectPath = (slug: string, reference: string) => `${publicPortfolioPath(slug)}/${encodeURIComponent(reference)}`;
