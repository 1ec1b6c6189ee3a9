import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy.tsx';

/** Administration: users and roles, the audit log, the outbox. */
export const routes: RouteObject[] = [lazyPage('admin', () => import('./AdminPage.tsx'), 'AdminPage')];

/** A role as a person reads it («Redaktør for Sortland»), for the account page. */
export { RoleLabel } from './RoleLabel.tsx';
