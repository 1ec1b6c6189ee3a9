/** The address of the network's prioritization matrix, in Norwegian as the rest of the app. */
export const prioritizationPath = (slug: string, search = '') => `/n/${slug}/prosjekter/prioritering${search}`;
