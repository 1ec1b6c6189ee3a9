import type { RouteObject } from 'react-router';
import { ActionPlanPage } from './ActionPlanPage.tsx';
import { ActionPlansPage } from './ActionPlansPage.tsx';
import { AdoptionPage } from './AdoptionPage.tsx';
import { LocalVersionPage } from './LocalVersionPage.tsx';
import { PublicStrategyPage } from './PublicStrategyPage.tsx';
import { StrategiesPage } from './StrategiesPage.tsx';
import { StrategyPage } from './StrategyPage.tsx';
import { VersionPage } from './VersionPage.tsx';

/** The strategy pages: a network's strategies, versions and the editor, each municipality's version, action plans, and the public page. */
export const strategyRoutes: RouteObject[] = [
  { path: 'n/:slug/strategi', element: <StrategiesPage /> },
  { path: 'n/:slug/strategi/:strategyId', element: <StrategyPage /> },
  { path: 'n/:slug/strategi/:strategyId/versjoner/:versionId', element: <VersionPage /> },
  { path: 'n/:slug/strategi/:strategyId/versjoner/:versionId/kommuner/:number', element: <LocalVersionPage /> },
  { path: 'n/:slug/strategi/:strategyId/kommuner', element: <AdoptionPage /> },
  { path: 'n/:slug/strategi/:strategyId/handlingsplaner', element: <ActionPlansPage /> },
  { path: 'n/:slug/strategi/:strategyId/handlingsplaner/:planId', element: <ActionPlanPage /> },
  { path: 'innsyn/n/:slug/strategi', element: <PublicStrategyPage /> },
];
