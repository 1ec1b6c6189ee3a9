import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CapabilitiesQuerySchema, CapabilitiesSchema, type Capabilities } from '../../shared/access/schema.ts';
import type { RequestContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { currentMemberNumbers, findPerson, municipalityExists, requireNetwork } from '../modules/network/index.ts';
import { findProject, projectMunicipalities } from '../modules/portfolio/index.ts';
import {
  accountCapabilities,
  municipalityCapabilities,
  networkCapabilities,
  personCapabilities,
  projectCapabilities,
} from './capabilities.ts';
import { requireUser } from './decide.ts';

/**
 * What the account may do, for the web to show the pages and controls by: wherever it is, and in the network,
 * project, municipality or person named in the query. The records are found by their modules; the answers are the
 * access module's. A project or person outside the caller's reach answers 404, as it does itself.
 */
export async function capabilitiesOf(
  ctx: RequestContext,
  query: { network?: string; project?: string; municipality?: string; person?: string },
): Promise<Capabilities> {
  requireUser(ctx);
  const network = query.network ? await requireNetwork(ctx, query.network) : null;
  const project = query.project ? await findProject(ctx, query.project) : null;
  const person = query.person ? await findPerson(ctx.db, query.person) : null;
  if (query.person && !person) throw notFound();
  if (query.municipality && !(await municipalityExists(ctx.db, query.municipality))) throw notFound();
  return {
    account: await accountCapabilities(ctx),
    network: network ? await networkCapabilities(ctx, network, [...(await currentMemberNumbers(ctx.db, network.id))]) : null,
    project: project ? await projectCapabilities(ctx, project, await projectMunicipalities(ctx.db, project)) : null,
    municipality: query.municipality ? await municipalityCapabilities(ctx, query.municipality) : null,
    person: person ? await personCapabilities(ctx, person) : null,
  };
}

export const capabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/capabilities',
    { schema: { tags: ['access'], querystring: CapabilitiesQuerySchema, response: { 200: CapabilitiesSchema } } },
    (req) => capabilitiesOf(req.ctx, req.query),
  );
};
