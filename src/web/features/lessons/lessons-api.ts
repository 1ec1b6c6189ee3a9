/** Addresses of the lessons pages and API, in Norwegian as the rest of the app. */
export const lessonsPath = (slug: string, search = '') => `/n/${slug}/prosjekter/erfaringer${search}`;
export const projectLessonsApi = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/lessons`;
export const networkLessonsApi = (networkId: string, search = '') => `/networks/${encodeURIComponent(networkId)}/lessons${search}`;
