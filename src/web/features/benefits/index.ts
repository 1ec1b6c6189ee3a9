import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';
import type { NetworkSection } from '../../app/network-frame.tsx';

/** The network's benefits realization (traceability) page; a project's benefits are a section of its page. */
export const routes: RouteObject[] = [lazyPage('n/:slug/nytte', () => import('./RealizationPage.tsx'), 'RealizationPage')];

export const section: NetworkSection = {
  path: 'nytte',
  label: { nb: 'Nytte', nn: 'Nytte', en: 'Benefits' },
  visible: (c) => c.readPortfolio,
};

/** A project's benefits, lent to the project page. */
export const BenefitsSection = lazySection(() => import('./BenefitsSection.tsx'), 'BenefitsSection');

/** A municipality's own benefit curves, lent to its page (`/kommuner/:number`). */
export const MunicipalityBenefitCurves = lazySection(() => import('./MunicipalityCurves.tsx'), 'MunicipalityBenefitCurves', true);

export { formatAchievement, parseNumber } from './benefits-api.ts';
