import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RequestContext } from '../../context.ts';
import { NetworkParams } from '../../../shared/common.ts';
import { PortfolioAccessSchema, type PortfolioAccess } from '../../../shared/portfolio/access.ts';
import { canReadNetworkInternals, isNetworkAdmin, requireNetwork, requireUser } from '../network/index.ts';
import { canReadPortfolio, isChiefExecutiveOf } from './projects-policy.ts';

/** The caller's rights in the network's portfolio, from the one policy (projects-policy.ts, policy.ts). */
export async function portfolioAccess(ctx: RequestContext, networkRef: string): Promise<PortfolioAccess> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  const internal = await canReadNetworkInternals(ctx, network.id);
  return {
    read: await canReadPortfolio(ctx, network.id),
    propose: internal,
    write: isNetworkAdmin(ctx, network.id),
    chiefExecutive: !internal && (await isChiefExecutiveOf(ctx, network.id)),
  };
}

export const portfolioAccessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/networks/:networkId/portfolio-access',
    { schema: { tags: ['portfolio'], params: NetworkParams, response: { 200: PortfolioAccessSchema } } },
    (req) => portfolioAccess(req.ctx, req.params.networkId),
  );
};
