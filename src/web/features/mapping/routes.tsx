import type { RouteObject } from 'react-router';
import { MunicipalityMappingPage } from './MunicipalityMappingPage.tsx';
import { NetworkImportPage } from './NetworkImportPage.tsx';
import { ProductCatalogPage } from './ProductCatalogPage.tsx';

/** The mapping pages for applications, the product catalog, shared-solution adoption and spreadsheets. */
export const applicationRoutes: RouteObject[] = [
  { path: 'kommuner/:number/kartlegging', element: <MunicipalityMappingPage /> },
  { path: 'kartlegging/produkter', element: <ProductCatalogPage /> },
  { path: 'n/:slug/kartlegging/import', element: <NetworkImportPage /> },
];
