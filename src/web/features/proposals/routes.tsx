import type { RouteObject } from 'react-router';
import { ProposalPage } from './ProposalPage.tsx';
import { ProposalsPage } from './ProposalsPage.tsx';
import { PublicProposalPage } from './PublicProposalPage.tsx';

/** The proposal pages: a network's ranked list with its weights, one proposal, and the public form. */
export const proposalRoutes: RouteObject[] = [
  { path: 'n/:slug/forslag', element: <ProposalsPage /> },
  { path: 'n/:slug/forslag/:id', element: <ProposalPage /> },
  { path: 'innsyn/n/:slug/forslag', element: <PublicProposalPage /> },
];
