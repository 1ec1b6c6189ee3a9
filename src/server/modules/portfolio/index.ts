import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { proposalRoutes } from './routes.ts';
import { publicProposalRoutes } from './public-routes.ts';

/**
 * The portfolio module, so far its proposals: needs and ideas from members, municipal employees and the public
 * form, triaged and assessed by the secretariat against the network's weights, kept as a ranked list.
 * Other modules (and the demo data) use these functions; each takes the request context first.
 */
export {
  listProposals,
  getProposal,
  createProposal,
  updateProposal,
  triageProposal,
  assessProposal,
  exportProposals,
  insertProposal,
  type NewProposal,
} from './proposals.ts';
export { getWeights, saveWeights } from './weights.ts';
export { publicProposalForm, submitPublicProposal } from './public.ts';
export { signFormToken } from './form-token.ts';

/** The module's API: the internal routes and the public form. */
export const portfolioRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(proposalRoutes);
  await app.register(publicProposalRoutes);
};
