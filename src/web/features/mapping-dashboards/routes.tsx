import type { RouteObject } from 'react-router';
import { DashboardPage } from './DashboardPage.tsx';
import { PublicMappingPage } from './PublicMappingPage.tsx';

/** The mapping dashboards of a network, and its published mapping on the public pages. */
export const dashboardRoutes: RouteObject[] = [
  { path: 'n/:slug/kartlegging', element: <DashboardPage view="adoption" /> },
  { path: 'n/:slug/kartlegging/fagsystemer', element: <DashboardPage view="landscape" /> },
  { path: 'n/:slug/kartlegging/avtaler', element: <DashboardPage view="contracts" /> },
  { path: 'innsyn/n/:slug/kartlegging', element: <PublicMappingPage /> },
];
