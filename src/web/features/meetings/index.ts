import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';

/** Meetings, agenda items and cases, and the personal links (absence, written answers, signing) sent by e-mail. */
export const routes: RouteObject[] = [
  lazyPage('n/:slug/organer/:id/moter', () => import('./MeetingPlanPage.tsx'), 'MeetingPlanPage'),
  lazyPage('n/:slug/historikk', () => import('./HistoryImportPage.tsx'), 'HistoryImportPage'),
  lazyPage('moter/:id', () => import('./MeetingPage.tsx'), 'MeetingPage'),
  lazyPage('moter/:id/saker/:itemId', () => import('./AgendaItemPage.tsx'), 'AgendaItemPage'),
  lazyPage('forfall/:token', () => import('./PersonalLinkPages.tsx'), 'AbsenceLinkPage'),
  lazyPage('skriftlig/:token', () => import('./PersonalLinkPages.tsx'), 'WrittenAnswerPage'),
  lazyPage('signer/:token', () => import('./PersonalLinkPages.tsx'), 'SignLinkPage'),
];

/** A body's coming and past meetings, lent to the body's page. */
export const BodyMeetingsSection = lazySection(() => import('./MeetingPlanPage.tsx'), 'BodyMeetingsSection');

export { itemPath } from './meeting-api.ts';
export { useHistoryMessages } from './history-messages.ts';
