import type { RouteObject } from 'react-router';

// Placeholder until this feature's pages land (this session).
export const applicationRoutes: RouteObject[] = [];
