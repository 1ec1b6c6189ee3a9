import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';
import type { NetworkSection } from '../../app/network-frame.tsx';

/** The mapping dashboards of a network, and its published mapping on the public pages. */
export const routes: RouteObject[] = [
  lazyPage('n/:slug/kartlegging', () => import('./DashboardPage.tsx'), 'AdoptionDashboardPage'),
  lazyPage('n/:slug/kartlegging/fagsystemer', () => import('./DashboardPage.tsx'), 'LandscapeDashboardPage'),
  lazyPage('n/:slug/kartlegging/avtaler', () => import('./DashboardPage.tsx'), 'ContractsDashboardPage'),
  lazyPage('innsyn/n/:slug/kartlegging', () => import('./PublicMappingPage.tsx'), 'PublicMappingPage'),
];

export const section: NetworkSection = {
  path: 'kartlegging',
  label: { nb: 'Kartlegging', nn: 'Kartlegging', en: 'Mapping' },
  visible: (c) => c.readInternals,
};

/** On the public home page: the link to the network's published mapping. */
export const MappingOpenDataLink = lazySection(() => import('./MappingOpenDataLink.tsx'), 'MappingOpenDataLink', true);
