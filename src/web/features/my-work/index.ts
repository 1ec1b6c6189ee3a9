import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';

/**
 * «Mitt arbeid»: the logged-in start page at `/` (the networks without login), and the municipality's own page across
 * its networks, lent to `/kommuner/:number`.
 */
export const routes: RouteObject[] = [lazyPage(undefined, () => import('./MyWorkPage.tsx'), 'HomePage')];

export const MunicipalityPanelSection = lazySection(() => import('./MunicipalityPanel.tsx'), 'MunicipalityPanelSection');
