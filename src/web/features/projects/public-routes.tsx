import type { RouteObject } from 'react-router';
import { PublicPortfolioPage, PublicProjectPage } from './PublicPortfolioPage.tsx';

/** The public portfolio (innsyn): the network's projects and one project, no login. */
export const publicProjectRoutes: RouteObject[] = [
  { path: 'innsyn/n/:slug/prosjekter', element: <PublicPortfolioPage /> },
  { path: 'innsyn/n/:slug/prosjekter/:reference', element: <PublicProjectPage /> },
];
