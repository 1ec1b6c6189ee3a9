import type { RouteObject } from 'react-router';
import { FeeSchedulePage } from './FeeSchedulePage.tsx';
import { FeeSchedulesPage } from './FeeSchedulesPage.tsx';

/** The member-fee pages: a network's fee schedules and one schedule with its preview. */
export const financeRoutes: RouteObject[] = [
  { path: 'n/:slug/kontingent', element: <FeeSchedulesPage /> },
  { path: 'n/:slug/kontingent/:scheduleId', element: <FeeSchedulePage /> },
];
