import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy.tsx';

/** The public pages (innsyn): home, a body, a meeting, search, and the accessibility statement. */
export const routes: RouteObject[] = [
  lazyPage('innsyn', () => import('./PublicHomePage.tsx'), 'PublicHomePage'),
  lazyPage('innsyn/organ/:id', () => import('./PublicBodyPage.tsx'), 'PublicBodyPage'),
  lazyPage('innsyn/moter/:id', () => import('./PublicMeetingPage.tsx'), 'PublicMeetingPage'),
  lazyPage('innsyn/sok', () => import('./PublicSearchPage.tsx'), 'PublicSearchPage'),
  lazyPage('tilgjengelighet', () => import('./AccessibilityPage.tsx'), 'AccessibilityPage'),
];

/** The public pages' own texts, for the other features' public pages. */
export { usePublicMessages } from './messages.ts';
