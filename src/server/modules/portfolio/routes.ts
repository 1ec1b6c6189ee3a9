import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, NetworkParams } from '../../../shared/common.ts';
import {
  AssessmentInputSchema,
  ProposalCreateSchema,
  ProposalListQuery,
  ProposalSchema,
  ProposalUpdateSchema,
  TriageSchema,
  WeightsAnswerSchema,
  WeightsUpdateSchema,
} from '../../../shared/portfolio/proposals.ts';
import { ReferenceParam } from '../../../shared/portfolio/references.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import * as service from './proposals.ts';
import { getWeights, saveWeights } from './weights.ts';

const tags = ['portfolio'];
/** Its own tag too, so a weight's field has its own label («proposalWeights:municipalities»: the number of municipalities). */
const weightsTags = ['portfolio', 'proposalWeights'];
/** The ranked list as JSON, or as a spreadsheet with `?format=xlsx|csv`. */
const ListQuery = ProposalListQuery.extend({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).optional() });

/** Proposals (needs and ideas): proposing, triage, assessment, the ranked list and the network's weights. */
export const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/networks/:networkId/proposals',
    { schema: { tags, params: NetworkParams, querystring: ListQuery, response: { 200: z.array(ProposalSchema) } } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      if (format) return sendFile(reply, await service.exportProposals(req.ctx, req.params.networkId, filter, format));
      return service.listProposals(req.ctx, req.params.networkId, filter);
    },
  );
  app.post(
    '/networks/:networkId/proposals',
    {
      config: { access: 'portfolio.propose' },
      schema: { tags, params: NetworkParams, body: ProposalCreateSchema, response: { 201: ProposalSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createProposal(req.ctx, req.params.networkId, req.body)),
  );
  app.get('/proposals/:id', { schema: { tags, params: IdParams, response: { 200: ProposalSchema } } }, (req) =>
    service.getProposal(req.ctx, req.params.id),
  );
  app.get(
    '/networks/:networkId/proposals/by-reference/:reference',
    { schema: { tags, params: NetworkParams.extend({ reference: ReferenceParam('proposal') }), response: { 200: ProposalSchema } } },
    (req) => service.getProposalByReference(req.ctx, req.params.networkId, req.params.reference),
  );
  app.patch(
    '/proposals/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: ProposalUpdateSchema, response: { 200: ProposalSchema } },
    },
    (req) => service.updateProposal(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/proposals/:id/triage',
    { config: { access: 'portfolio.write' }, schema: { tags, params: IdParams, body: TriageSchema, response: { 200: ProposalSchema } } },
    (req) => service.triageProposal(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/proposals/:id/assessment',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: AssessmentInputSchema, response: { 200: ProposalSchema } },
    },
    (req) => service.assessProposal(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/networks/:networkId/proposal-weights',
    { schema: { tags: weightsTags, params: NetworkParams, response: { 200: WeightsAnswerSchema } } },
    (req) => getWeights(req.ctx, req.params.networkId),
  );
  app.put(
    '/networks/:networkId/proposal-weights',
    {
      config: { access: 'portfolio.write' },
      schema: { tags: weightsTags, params: NetworkParams, body: WeightsUpdateSchema, response: { 200: WeightsAnswerSchema } },
    },
    (req) => saveWeights(req.ctx, req.params.networkId, req.body),
  );
};
