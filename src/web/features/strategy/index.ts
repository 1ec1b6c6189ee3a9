import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';
import type { NetworkSection } from '../../app/network-frame.tsx';

/** The strategy pages: a network's strategies, versions and the editor, each municipality's version, action plans, and the public page. */
export const routes: RouteObject[] = [
  lazyPage('n/:slug/strategi', () => import('./StrategiesPage.tsx'), 'StrategiesPage'),
  lazyPage('n/:slug/strategi/:strategyId', () => import('./StrategyPage.tsx'), 'StrategyPage'),
  lazyPage('n/:slug/strategi/:strategyId/versjoner/:versionId', () => import('./VersionPage.tsx'), 'VersionPage'),
  lazyPage(
    'n/:slug/strategi/:strategyId/versjoner/:versionId/kommuner/:number',
    () => import('./LocalVersionPage.tsx'),
    'LocalVersionPage',
  ),
  lazyPage('n/:slug/strategi/:strategyId/kommuner', () => import('./AdoptionPage.tsx'), 'AdoptionPage'),
  lazyPage('n/:slug/strategi/:strategyId/handlingsplaner', () => import('./ActionPlansPage.tsx'), 'ActionPlansPage'),
  lazyPage('n/:slug/strategi/:strategyId/handlingsplaner/:planId', () => import('./ActionPlanPage.tsx'), 'ActionPlanPage'),
  lazyPage('innsyn/n/:slug/strategi', () => import('./PublicStrategyPage.tsx'), 'PublicStrategyPage'),
];

export const section: NetworkSection = {
  path: 'strategi',
  label: { nb: 'Strategi', nn: 'Strategi', en: 'Strategy' },
  visible: (c) => c.readInternals,
};

/** On the public home page: the link to the network's published strategy. */
export const StrategyPublicLink = lazySection(() => import('./StrategyPublicLink.tsx'), 'StrategyPublicLink', true);
