import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';
import type { NetworkSection } from '../../app/network-frame.tsx';

/** The networks, their members, people and bodies, and the municipality pages. */
export const routes: RouteObject[] = [
  lazyPage('n/:slug', () => import('./NetworkPage.tsx'), 'NetworkPage'),
  lazyPage('n/:slug/personer', () => import('./PeoplePage.tsx'), 'PeoplePage'),
  lazyPage('n/:slug/personer/:id', () => import('./PersonPage.tsx'), 'PersonPage'),
  lazyPage('n/:slug/organer', () => import('./BodiesPage.tsx'), 'BodiesPage'),
  lazyPage('n/:slug/organer/:id', () => import('./BodyPage.tsx'), 'BodyPage'),
  lazyPage('kommuner/:number', () => import('./MunicipalityPage.tsx'), 'MunicipalityPage'),
];

export const overviewSection: NetworkSection = { path: '', label: { nb: 'Oversikt', nn: 'Oversikt', en: 'Overview' } };
export const peopleSection: NetworkSection = {
  path: 'personer',
  label: { nb: 'Personer', nn: 'Personar', en: 'People' },
  visible: (c) => c.readInternals,
};
export const bodiesSection: NetworkSection = { path: 'organer', label: { nb: 'Organer', nn: 'Organ', en: 'Bodies' } };

/** The networks, for the start page without login (my-work owns `/`). */
export const NetworksPage = lazySection(() => import('./NetworksPage.tsx'), 'NetworksPage');
export const NetworksTable = lazySection(() => import('./NetworksPage.tsx'), 'NetworksTable');
