/** The addresses of the network's programmes, in Norwegian as the rest of the app. */
export const programmesPath = (slug: string) => `/n/${slug}/prosjekter/programmer`;
export const programmePath = (slug: string, id: string) => `/n/${slug}/prosjekter/programmer/${id}`;
export const publicProgrammePath = (slug: string, id: string) => `/innsyn/n/${slug}/prosjekter/programmer/${id}`;
