import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NetworkParams } from '../../../shared/common.ts';
import {
  AdoptionMatrixSchema,
  ContractTimelineQuery,
  ContractTimelineSchema,
  DashboardQuery,
  LandscapeSchema,
  PublicationSchema,
  PublicationUpdateSchema,
  StandardizationRuleAnswerSchema,
  StandardizationRuleUpdateSchema,
} from '../../../shared/mapping/schema.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import * as dashboards from './dashboards.ts';
import { getPublication, getStandardizationRule, updatePublication, updateStandardizationRule } from './publication.ts';
import { sendPrepared } from '../../prepared-answers.ts';
import { publicMappingRoutes } from './public-routes.ts';

/** Without `format` the answer is JSON; with it, the table the page shows as a file. */
const Format = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).optional() });
const DashboardWithFormat = DashboardQuery.extend(Format.shape);
const TimelineWithFormat = ContractTimelineQuery.extend(Format.shape);
const tags = ['mapping'];

/** The mapping dashboards of a network and of the whole country, and the network's open-data switches. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/networks/:networkId/mapping/adoption',
    { schema: { tags, params: NetworkParams, querystring: DashboardWithFormat, response: { 200: AdoptionMatrixSchema } } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const scope = await dashboards.networkScope(req.ctx, req.params.networkId);
      if (format) return sendFile(reply, await dashboards.exportAdoption(req.ctx, scope, filter, format));
      return sendPrepared(req, reply, await dashboards.adoptionMatrix(req.ctx, scope, filter));
    },
  );
  app.get(
    '/networks/:networkId/mapping/landscape',
    { schema: { tags, params: NetworkParams, querystring: DashboardWithFormat, response: { 200: LandscapeSchema } } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const scope = await dashboards.networkScope(req.ctx, req.params.networkId);
      if (format) return sendFile(reply, await dashboards.exportLandscape(req.ctx, scope, filter, format));
      return sendPrepared(req, reply, await dashboards.landscape(req.ctx, scope, filter));
    },
  );
  app.get(
    '/networks/:networkId/mapping/contracts',
    { schema: { tags, params: NetworkParams, querystring: TimelineWithFormat, response: { 200: ContractTimelineSchema } } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const scope = await dashboards.networkScope(req.ctx, req.params.networkId);
      if (format) return sendFile(reply, await dashboards.exportContracts(req.ctx, scope, filter, format));
      return sendPrepared(req, reply, await dashboards.contractTimeline(req.ctx, scope, filter));
    },
  );

  app.get(
    '/mapping/adoption',
    { schema: { tags, querystring: DashboardWithFormat, response: { 200: AdoptionMatrixSchema } } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const scope = await dashboards.nationalScope(req.ctx);
      if (format) return sendFile(reply, await dashboards.exportAdoption(req.ctx, scope, filter, format));
      return sendPrepared(req, reply, await dashboards.adoptionMatrix(req.ctx, scope, filter));
    },
  );
  app.get(
    '/mapping/landscape',
    { schema: { tags, querystring: DashboardWithFormat, response: { 200: LandscapeSchema } } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const scope = await dashboards.nationalScope(req.ctx);
      if (format) return sendFile(reply, await dashboards.exportLandscape(req.ctx, scope, filter, format));
      return sendPrepared(req, reply, await dashboards.landscape(req.ctx, scope, filter));
    },
  );

  app.get(
    '/networks/:networkId/mapping/publication',
    { schema: { tags, params: NetworkParams, response: { 200: PublicationSchema } } },
    (req) => getPublication(req.ctx, req.params.networkId),
  );
  app.put(
    '/networks/:networkId/mapping/publication',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: PublicationUpdateSchema, response: { 200: PublicationSchema } },
    },
    (req) => updatePublication(req.ctx, req.params.networkId, req.body),
  );
  app.get(
    '/networks/:networkId/mapping/standardization-rule',
    { schema: { tags, params: NetworkParams, response: { 200: StandardizationRuleAnswerSchema } } },
    (req) => getStandardizationRule(req.ctx, req.params.networkId),
  );
  app.put(
    '/networks/:networkId/mapping/standardization-rule',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: StandardizationRuleUpdateSchema, response: { 200: StandardizationRuleAnswerSchema } },
    },
    (req) => updateStandardizationRule(req.ctx, req.params.networkId, req.body),
  );

  await app.register(publicMappingRoutes);
};
