import { lazySection } from '../../app/lazy.tsx';

/** A project's financing (sources, split among participants, own effort), lent to the project page. */
export const FinancingSection = lazySection(() => import('./FinancingSection.tsx'), 'FinancingSection');
