import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy.tsx';

/** The mapping of applications: a municipality's applications, the product catalog, the network's spreadsheet import. */
export const routes: RouteObject[] = [
  lazyPage('kommuner/:number/kartlegging', () => import('./MunicipalityMappingPage.tsx'), 'MunicipalityMappingPage'),
  lazyPage('kartlegging/produkter', () => import('./ProductCatalogPage.tsx'), 'ProductCatalogPage'),
  lazyPage('n/:slug/kartlegging/import', () => import('./NetworkImportPage.tsx'), 'NetworkImportPage'),
];

export { municipalityMappingPath } from './mapping-api.ts';
export { useMappingMessages } from './messages.ts';
