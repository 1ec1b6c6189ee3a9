import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';

/**
 * Lessons learned (erfaringslogg): the portfolio's search page; a project's lessons and a proposal's related lessons
 * are sections lent to the project and proposal pages.
 */
export const routes: RouteObject[] = [lazyPage('n/:slug/prosjekter/erfaringer', () => import('./LessonsPage.tsx'), 'LessonsPage')];

/** A project's lessons, lent to its «Erfaringer» tab. */
export const ProjectLessons = lazySection(() => import('./ProjectLessons.tsx'), 'ProjectLessons');

/** Lessons from earlier projects with the same focus area, lent to the proposal form and the proposal page. */
export const RelatedLessons = lazySection(() => import('./RelatedLessons.tsx'), 'RelatedLessons', true);

export { lessonsPath } from './lessons-api.ts';
export { useLessonMessages } from './messages.ts';

/** The reminder at BP4 and BP5 while no lesson is recorded, lent to the project's summary and decision panel. */
export const LessonsReminder = lazySection(() => import('./LessonsReminder.tsx'), 'LessonsReminder', true);
