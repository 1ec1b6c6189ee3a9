import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy.tsx';
import type { NetworkSection } from '../../app/network-frame.tsx';

/** The survey pages: a network's rounds and templates, one round with its results, and the respondent's form (no login). */
export const routes: RouteObject[] = [
  lazyPage('n/:slug/undersokelser', () => import('./SurveysPage.tsx'), 'SurveysPage'),
  lazyPage('n/:slug/undersokelser/:roundId', () => import('./RoundPage.tsx'), 'RoundPage'),
  lazyPage('svar/:token', () => import('./AnswerPage.tsx'), 'AnswerPage'),
];

export const section: NetworkSection = {
  path: 'undersokelser',
  label: { nb: 'Undersøkelser', nn: 'Undersøkingar', en: 'Surveys' },
  visible: (c) => c.readInternals,
};
