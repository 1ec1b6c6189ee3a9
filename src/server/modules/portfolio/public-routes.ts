import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PublicProposalFormSchema, PublicProposalReceiptSchema, PublicProposalSchema } from '../../../shared/portfolio/proposals.ts';
import { PublicPortfolioSchema, PublicProjectSchema } from '../../../shared/portfolio/public-projects.ts';
import { publicProposalForm, submitPublicProposal } from './public.ts';
import { publicPortfolio, publicProject } from './public-projects.ts';

const tags = ['publicAccess', 'portfolio'];
const SlugParams = z.object({ slug: z.string().min(1).max(100) });
const ProjectParams = SlugParams.extend({ reference: z.string().min(1).max(20) });

/**
 * The public proposal form and the public portfolio, no login. Sending is limited per address like the login (five an hour), the third of
 * the form's defences against spam beside the hidden field and the form token (see public.ts, form-token.ts).
 */
export const publicProposalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/networks/:slug/proposal-form',
    { config: { public: true }, schema: { tags, params: SlugParams, response: { 200: PublicProposalFormSchema } } },
    (req) => publicProposalForm(req.ctx, req.params.slug),
  );
  app.post(
    '/public/networks/:slug/proposals',
    {
      config: { public: true, access: 'public', rateLimit: { max: 5, timeWindow: '1 hour' } },
      schema: { tags, params: SlugParams, body: PublicProposalSchema, response: { 201: PublicProposalReceiptSchema } },
    },
    async (req, reply) => {
      const { receipt, stored } = await submitPublicProposal(req.ctx, req.params.slug, req.body);
      if (!stored) req.log.info({ slug: req.params.slug }, 'public proposal dropped: the hidden field was filled in');
      return reply.status(201).send(receipt);
    },
  );

  // The public portfolio: what the public may see of the network's projects (public-projects.ts).
  app.get(
    '/public/networks/:slug/projects',
    { config: { public: true }, schema: { tags, params: SlugParams, response: { 200: PublicPortfolioSchema } } },
    (req) => publicPortfolio(req.ctx, req.params.slug),
  );
  app.get(
    '/public/networks/:slug/projects/:reference',
    { config: { public: true }, schema: { tags, params: ProjectParams, response: { 200: PublicProjectSchema } } },
    (req) => publicProject(req.ctx, req.params.slug, req.params.reference),
  );
};
