import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';
import type { NetworkSection } from '../../app/network-frame.tsx';

/** The finance pages under `/n/:slug/okonomi`. */
export const routes: RouteObject[] = [
  lazyPage('n/:slug/okonomi', () => import('./FinanceOverviewPage.tsx'), 'FinanceOverviewPage'),
  lazyPage('n/:slug/okonomi/kommuner/:number', () => import('./StatementPage.tsx'), 'StatementPage'),
  lazyPage('n/:slug/okonomi/budsjett', () => import('./BudgetPage.tsx'), 'BudgetPage'),
  lazyPage('n/:slug/okonomi/kontingent', () => import('./FeeSchedulesPage.tsx'), 'FeeSchedulesPage'),
  lazyPage('n/:slug/okonomi/kontingent/:scheduleId', () => import('./FeeSchedulePage.tsx'), 'FeeSchedulePage'),
  lazyPage('n/:slug/okonomi/tilskudd', () => import('./GrantsPage.tsx'), 'GrantsPage'),
  lazyPage('n/:slug/okonomi/tilskudd/:grantId', () => import('./GrantPage.tsx'), 'GrantPage'),
  lazyPage('n/:slug/okonomi/egeninnsats', () => import('./OwnEffortPage.tsx'), 'OwnEffortPage'),
  lazyPage('n/:slug/okonomi/kapasitet', () => import('./CapacityPage.tsx'), 'CapacityPage'),
  // The fee pages' first address, kept for links already shared.
  lazyPage('n/:slug/kontingent', () => import('./FeeSchedulesPage.tsx'), 'OldFeesAddress'),
];

export const section: NetworkSection = {
  path: 'okonomi',
  label: { nb: 'Økonomi', nn: 'Økonomi', en: 'Finance' },
  visible: (c) => c.readPortfolio,
};

export { ownEffortPath } from './own-effort-api.ts';
export { useOwnEffortMessages } from './own-effort-messages.ts';
// Lent to the project page's financing section; loaded with it, not with the first page.
export const HoursValueTable = lazySection(() => import('./finance-parts.tsx'), 'HoursValueTable', true);

/** A municipality's planned, registered and committed own effort, with a warning where its plans exceed its commitment, lent to its page (`/kommuner/:number`). */
export const MunicipalityCapacityWarning = lazySection(() => import('./MunicipalityCapacity.tsx'), 'MunicipalityCapacityWarning', true);
