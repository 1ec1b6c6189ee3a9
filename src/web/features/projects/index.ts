import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';
import type { NetworkSection } from '../../app/network-frame.tsx';

/**
 * The project pages: the network's portfolio (table or board by phase), its risk maps, prioritization matrix and programmes, one project (its summary and its
 * tabs, each an address of its own), and the public portfolio.
 */
export const routes: RouteObject[] = [
  lazyPage('n/:slug/prosjekter', () => import('./PortfolioPage.tsx'), 'PortfolioPage'),
  lazyPage('n/:slug/prosjekter/risikokart', () => import('./RiskMapPage.tsx'), 'RiskMapPage'),
  lazyPage('n/:slug/prosjekter/prioritering', () => import('./PrioritizationPage.tsx'), 'PrioritizationPage'),
  lazyPage('n/:slug/prosjekter/programmer', () => import('./ProgrammesPage.tsx'), 'ProgrammesPage'),
  lazyPage('n/:slug/prosjekter/programmer/:id', () => import('./ProgrammesPage.tsx'), 'ProgrammePage'),
  {
    // The project page is the frame of its tabs: the summary at the project's own address, each tab below it.
    path: 'n/:slug/prosjekter/:id',
    lazy: async () => ({ Component: (await import('./ProjectPage.tsx')).ProjectPage }),
    children: [
      lazyPage(undefined, () => import('./ProjectSummary.tsx'), 'ProjectSummary'),
      lazyPage('plan', () => import('./ProjectSections.tsx'), 'PlanTab'),
      lazyPage('beslutninger', () => import('./ProjectSections.tsx'), 'DecisionsTab'),
      lazyPage('statusrapporter', () => import('./ProjectSections.tsx'), 'StatusReportsTab'),
      lazyPage('nytte', () => import('./ProjectSections.tsx'), 'BenefitsTab'),
      lazyPage('finansiering', () => import('./ProjectSections.tsx'), 'FinancingTab'),
      lazyPage('deltakere', () => import('./ProjectSections.tsx'), 'ParticipantsTab'),
      lazyPage('dokumenter', () => import('./ProjectSections.tsx'), 'DocumentsTab'),
      lazyPage('erfaringer', () => import('./ProjectSections.tsx'), 'LessonsTab'),
    ],
  },
  lazyPage('innsyn/n/:slug/prosjekter', () => import('./PublicPortfolioPage.tsx'), 'PublicPortfolioPage'),
  lazyPage('innsyn/n/:slug/prosjekter/:reference', () => import('./PublicPortfolioPage.tsx'), 'PublicProjectPage'),
  lazyPage('innsyn/n/:slug/prosjekter/programmer/:id', () => import('./PublicProgrammePage.tsx'), 'PublicProgrammePage'),
];

export const section: NetworkSection = {
  path: 'prosjekter',
  label: { nb: 'Prosjekter', nn: 'Prosjekt', en: 'Projects' },
  visible: (c) => c.readPortfolio,
};

/** On the public home page: the link to the network's public portfolio, when it has projects. */
export const PortfolioPublicLink = lazySection(() => import('./PortfolioPublicLink.tsx'), 'PortfolioPublicLink', true);

/** The choice of a decided case (body → meeting → case), lent to the fee schedule's decision. */
export const DecidedCaseFields = lazySection(() => import('./DecisionPanel.tsx'), 'DecidedCaseFields');

export { projectPath, projectTabPath, usePeople, type ProjectTab } from './projects-api.ts';
export { useProjectMessages } from './messages.ts';
export { PersonOptions } from './PersonOptions.tsx';
