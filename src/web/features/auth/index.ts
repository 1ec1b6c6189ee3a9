import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy.tsx';

/** Login, invitations, password reset and the account page. */
export const routes: RouteObject[] = [
  lazyPage('konto', () => import('./AccountPage.tsx'), 'AccountPage'),
  lazyPage('logg-inn', () => import('./LoginPage.tsx'), 'LoginPage'),
  lazyPage('invitasjon/:token', () => import('./InvitationPage.tsx'), 'InvitationPage'),
  lazyPage('glemt-passord', () => import('./PasswordResetPages.tsx'), 'ForgotPasswordPage'),
  lazyPage('nytt-passord/:token', () => import('./PasswordResetPages.tsx'), 'PasswordResetPage'),
];
