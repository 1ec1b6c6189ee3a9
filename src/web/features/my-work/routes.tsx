import type { RouteObject } from 'react-router';
import { HomePage } from './MyWorkPage.tsx';

/** `/`: «Mitt arbeid» for a logged-in account, the networks for everyone else. */
export const myWorkRoutes: RouteObject[] = [{ index: true, element: <HomePage /> }];
