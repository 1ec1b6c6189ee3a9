import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, MunicipalityNumber, NetworkParams, OkSchema, Version } from '../../../shared/common.ts';
import {
  ActionPlanCreateSchema,
  ActionPlanSchema,
  AdoptionOverviewSchema,
  LocalVersionSaveSchema,
  LocalVersionSchema,
  MeasureInputSchema,
  MeasureUpdateSchema,
  StrategyCreateSchema,
  StrategySchema,
  StrategyUpdateSchema,
  StrategyVersionSchema,
  TertialReportInputSchema,
  VersionSaveSchema,
} from '../../../shared/strategy/schema.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import * as strategies from './strategies.ts';
import * as locals from './local-versions.ts';
import * as plans from './action-plans.ts';
import { DOCUMENT_FORMATS, exportLocalVersion, exportVersion } from './documents.ts';

const tags = ['strategy'];
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const PublishBody = z.object({ version: Version });
const LocalParams = IdParams.extend({ number: MunicipalityNumber });
const TertialParams = IdParams.extend({ tertial: z.coerce.number().int().min(1).max(3) });
const DocumentQuery = z.object({ format: z.enum(DOCUMENT_FORMATS, { error: 'choice' }).default('pdf') });
const TableQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).default('xlsx') });
/** The overview as JSON, or as a spreadsheet with `?format=xlsx|csv`. */
const OverviewQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).optional() });

/** A network's strategies, their versions, each municipality's version and the action plans. */
export const strategyRoutes: FastifyPluginAsyncZod = async (app) => {
  // strategies
  app.get(
    '/networks/:networkId/strategies',
    { schema: { tags, params: NetworkParams, response: { 200: z.array(StrategySchema) } } },
    (req) => strategies.listStrategies(req.ctx, req.params.networkId),
  );
  app.post(
    '/networks/:networkId/strategies',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: StrategyCreateSchema, response: { 201: StrategySchema } },
    },
    async (req, reply) => reply.status(201).send(await strategies.createStrategy(req.ctx, req.params.networkId, req.body)),
  );
  app.get('/strategies/:id', { schema: { tags, params: IdParams, response: { 200: StrategySchema } } }, (req) =>
    strategies.getStrategy(req.ctx, req.params.id),
  );
  app.patch(
    '/strategies/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: StrategyUpdateSchema, response: { 200: StrategySchema } },
    },
    (req) => strategies.updateStrategy(req.ctx, req.params.id, req.body),
  );

  // versions
  app.post(
    '/strategies/:id/versions',
    { config: { access: 'network.administer' }, schema: { tags, params: IdParams, response: { 201: StrategyVersionSchema } } },
    async (req, reply) => reply.status(201).send(await strategies.newRevision(req.ctx, req.params.id)),
  );
  app.get('/strategy-versions/:id', { schema: { tags, params: IdParams, response: { 200: StrategyVersionSchema } } }, (req) =>
    strategies.getVersion(req.ctx, req.params.id),
  );
  app.put(
    '/strategy-versions/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: VersionSaveSchema, response: { 200: StrategyVersionSchema } },
    },
    (req) => strategies.saveVersion(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/strategy-versions/:id/publish',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: PublishBody, response: { 200: StrategyVersionSchema } },
    },
    (req) => strategies.publishVersion(req.ctx, req.params.id, req.body.version),
  );
  app.delete(
    '/strategy-versions/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } },
    },
    async (req) => {
      await strategies.deleteVersion(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.get('/strategy-versions/:id/export', { schema: { tags, params: IdParams, querystring: DocumentQuery } }, async (req, reply) =>
    sendFile(reply, await exportVersion(req.ctx, req.params.id, req.query.format)),
  );

  // each municipality's version
  app.get(
    '/strategies/:id/adoptions',
    { schema: { tags, params: IdParams, querystring: OverviewQuery, response: { 200: AdoptionOverviewSchema } } },
    async (req, reply) => {
      if (req.query.format) return sendFile(reply, await locals.exportAdoptions(req.ctx, req.params.id, req.query.format));
      return locals.adoptionOverview(req.ctx, req.params.id);
    },
  );
  app.get(
    '/strategy-versions/:id/municipalities/:number',
    { schema: { tags, params: LocalParams, response: { 200: LocalVersionSchema } } },
    (req) => locals.getLocalVersion(req.ctx, req.params.id, req.params.number),
  );
  app.put(
    '/strategy-versions/:id/municipalities/:number',
    {
      config: { access: 'memberData.write' },
      schema: { tags, params: LocalParams, body: LocalVersionSaveSchema, response: { 200: LocalVersionSchema } },
    },
    (req) => locals.saveLocalVersion(req.ctx, req.params.id, req.params.number, req.body),
  );
  app.get(
    '/strategy-versions/:id/municipalities/:number/export',
    { schema: { tags, params: LocalParams, querystring: DocumentQuery } },
    async (req, reply) => sendFile(reply, await exportLocalVersion(req.ctx, req.params.id, req.params.number, req.query.format)),
  );

  // action plans
  app.get('/strategies/:id/action-plans', { schema: { tags, params: IdParams, response: { 200: z.array(ActionPlanSchema) } } }, (req) =>
    plans.listActionPlans(req.ctx, req.params.id),
  );
  app.post(
    '/strategies/:id/action-plans',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: ActionPlanCreateSchema, response: { 201: ActionPlanSchema } },
    },
    async (req, reply) => reply.status(201).send(await plans.createActionPlan(req.ctx, req.params.id, req.body)),
  );
  app.get('/action-plans/:id', { schema: { tags, params: IdParams, response: { 200: ActionPlanSchema } } }, (req) =>
    plans.getActionPlan(req.ctx, req.params.id),
  );
  app.get('/action-plans/:id/export', { schema: { tags, params: IdParams, querystring: TableQuery } }, async (req, reply) =>
    sendFile(reply, await plans.exportActionPlan(req.ctx, req.params.id, req.query.format)),
  );
  app.post(
    '/action-plans/:id/measures',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: MeasureInputSchema, response: { 201: ActionPlanSchema } },
    },
    async (req, reply) => reply.status(201).send(await plans.addMeasure(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/action-measures/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: MeasureUpdateSchema, response: { 200: ActionPlanSchema } },
    },
    (req) => plans.updateMeasure(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/action-measures/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: ActionPlanSchema } },
    },
    (req) => plans.deleteMeasure(req.ctx, req.params.id, req.query.version),
  );
  app.put(
    '/action-measures/:id/reports/:tertial',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: TertialParams, body: TertialReportInputSchema, response: { 200: ActionPlanSchema } },
    },
    (req) => plans.reportTertial(req.ctx, req.params.id, req.params.tertial, req.body),
  );
};
