import type { RouteObject } from 'react-router';
import { lazyPage, lazySection } from '../../app/lazy.tsx';
import type { NetworkSection } from '../../app/network-frame.tsx';

/** The proposal pages: a network's ranked list with its weights, one proposal, and the public form. */
export const routes: RouteObject[] = [
  lazyPage('n/:slug/forslag', () => import('./ProposalsPage.tsx'), 'ProposalsPage'),
  lazyPage('n/:slug/forslag/:id', () => import('./ProposalPage.tsx'), 'ProposalPage'),
  lazyPage('innsyn/n/:slug/forslag', () => import('./PublicProposalPage.tsx'), 'PublicProposalPage'),
];

export const section: NetworkSection = {
  path: 'forslag',
  label: { nb: 'Forslag', nn: 'Forslag', en: 'Proposals' },
  visible: (c) => c.readPortfolio,
};

/** On the public home page: the way to the network's public proposal form. */
export const ProposalPublicLink = lazySection(() => import('./ProposalPublicLink.tsx'), 'ProposalPublicLink', true);

export { currentMembers, proposalPath, useFocusAreas, type FocusAreaOption } from './proposals-api.ts';
