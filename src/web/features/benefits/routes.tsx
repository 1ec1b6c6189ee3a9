import type { RouteObject } from 'react-router';
import { RealizationPage } from './RealizationPage.tsx';

/** The network's benefits realization (traceability) page; a project's benefits are a section of its page. */
export const benefitRoutes: RouteObject[] = [{ path: 'n/:slug/nytte', element: <RealizationPage /> }];
