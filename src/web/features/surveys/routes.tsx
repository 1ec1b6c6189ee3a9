import type { RouteObject } from 'react-router';
import { AnswerPage } from './AnswerPage.tsx';
import { RoundPage } from './RoundPage.tsx';
import { SurveysPage } from './SurveysPage.tsx';

/** The survey pages: a network's rounds and templates, one round with its results, and the respondent's form (no login). */
export const surveyRoutes: RouteObject[] = [
  { path: 'n/:slug/undersokelser', element: <SurveysPage /> },
  { path: 'n/:slug/undersokelser/:roundId', element: <RoundPage /> },
  { path: 'svar/:token', element: <AnswerPage /> },
];
