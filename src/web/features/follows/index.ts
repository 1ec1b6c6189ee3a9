import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';

/**
 * Follow and be told: the page of what the account follows (`/folger`), the personal links' pages of a resident's
 * subscription (confirm, unsubscribe), and the pieces other features' pages render: the follow button, the e-mail
 * subscription form with its Atom feed, and the start page's list of what is new.
 */
export const routes: RouteObject[] = [
  lazyPage('folger', () => import('./FollowsPage.tsx'), 'FollowsPage'),
  lazyPage('avmeld/:token', () => import('./LinkPages.tsx'), 'UnsubscribePage'),
  lazyPage('bekreft-abonnement/:token', () => import('./LinkPages.tsx'), 'ConfirmSubscriptionPage'),
];

export const FollowButton = lazySection(() => import('./FollowButton.tsx'), 'FollowButton', true);
export const SubscribeForm = lazySection(() => import('./FollowButton.tsx'), 'SubscribeForm', true);
export const FollowedChanges = lazySection(() => import('./FollowedChanges.tsx'), 'FollowedChanges');
