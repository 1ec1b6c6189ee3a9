import { Navigate, useParams, type RouteObject } from 'react-router';
import { BudgetPage } from './BudgetPage.tsx';
import { FeeSchedulePage } from './FeeSchedulePage.tsx';
import { FeeSchedulesPage } from './FeeSchedulesPage.tsx';
import { FinanceOverviewPage } from './FinanceOverviewPage.tsx';
import { StatementPage } from './StatementPage.tsx';
import { feeSchedulesPath } from './fees-api.ts';
import { GrantPage } from './GrantPage.tsx';
import { GrantsPage } from './GrantsPage.tsx';
import { OwnEffortPage } from './OwnEffortPage.tsx';

/** The finance pages under `/n/:slug/okonomi`. */
export const financeRoutes: RouteObject[] = [
  { path: 'n/:slug/okonomi', element: <FinanceOverviewPage /> },
  { path: 'n/:slug/okonomi/kommuner/:number', element: <StatementPage /> },
  { path: 'n/:slug/okonomi/budsjett', element: <BudgetPage /> },
  { path: 'n/:slug/okonomi/kontingent', element: <FeeSchedulesPage /> },
  { path: 'n/:slug/okonomi/kontingent/:scheduleId', element: <FeeSchedulePage /> },
  { path: 'n/:slug/okonomi/tilskudd', element: <GrantsPage /> },
  { path: 'n/:slug/okonomi/tilskudd/:grantId', element: <GrantPage /> },
  { path: 'n/:slug/okonomi/egeninnsats', element: <OwnEffortPage /> },
  // The fee pages' first address, kept for links already shared.
  { path: 'n/:slug/kontingent', element: <OldFeesAddress /> },
];

function OldFeesAddress() {
  const { slug = '' } = useParams();
  return <Navigate to={feeSchedulesPath(slug)} replace />;
}
