/** The address of the network's risk and opportunity maps, in Norwegian as the rest of the app. */
export const riskMapPath = (slug: string, search = '') => `/n/${slug}/prosjekter/risikokart${search}`;
