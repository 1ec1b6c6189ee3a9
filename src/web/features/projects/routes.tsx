import type { RouteObject } from 'react-router';
import { PortfolioPage } from './PortfolioPage.tsx';
import { ProjectPage } from './ProjectPage.tsx';

/** The project pages: the network's portfolio (table or board by phase) and one project. */
export const projectRoutes: RouteObject[] = [
  { path: 'n/:slug/prosjekter', element: <PortfolioPage /> },
  { path: 'n/:slug/prosjekter/:id', element: <ProjectPage /> },
];
