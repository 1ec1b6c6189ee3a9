import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, MunicipalityNumber, NetworkParams, OkSchema, Version } from '../../../shared/common.ts';
import {
  BenefitInputSchema,
  BenefitSchema,
  BenefitsRollupSchema,
  BenefitUpdateSchema,
  IndicatorInputSchema,
  IndicatorTargetInputSchema,
  IndicatorUpdateSchema,
  MeasurementInputSchema,
  RollupQuery,
} from '../../../shared/benefits/schema.ts';
import { EXPORT_FORMATS, sendFile, type ExportFormat } from '../documents/index.ts';
import { sendPrepared } from '../../prepared-answers.ts';
import * as service from './benefits.ts';
import { benefitsRollup } from './rollup.ts';
import { exportBenefitsPlan, exportRollup, PLAN_FORMATS } from './exports.ts';
import { BenefitCurvesAnswerSchema } from '../../../shared/benefits/curves.ts';
import { municipalityCurves, networkCurves, projectCurves, type Named } from './curves.ts';
import { exportCurves } from './curve-exports.ts';

const tags = ['benefits'];
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const TargetParams = z.object({ id: IdParams.shape.id, number: MunicipalityNumber });
const RollupExportQuery = RollupQuery.extend({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).optional() });
const FormatQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).optional() });
const MunicipalityParams = z.object({ number: MunicipalityNumber });
const PlanQuery = z.object({ format: z.enum(PLAN_FORMATS, { error: 'choice' }) });

/** The curves as JSON, or as the spreadsheet a format asks for. */
async function sendCurves(req: FastifyRequest, reply: FastifyReply, named: Named, format: ExportFormat | undefined) {
  if (format) return sendFile(reply, await exportCurves(req.ctx, named.curves, named.fileName, format));
  return named.curves;
}

/** Benefits of projects, their indicators, each municipality's targets and measurements, and the network's roll-up. */
export const benefitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects/:id/benefits', { schema: { tags, params: IdParams, response: { 200: z.array(BenefitSchema) } } }, (req) =>
    service.listBenefits(req.ctx, req.params.id),
  );
  app.post(
    '/projects/:id/benefits',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: BenefitInputSchema, response: { 201: BenefitSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createBenefit(req.ctx, req.params.id, req.body)),
  );
  app.get('/projects/:id/benefits-plan', { schema: { tags, params: IdParams, querystring: PlanQuery } }, async (req, reply) =>
    sendFile(reply, await exportBenefitsPlan(req.ctx, req.params.id, req.query.format)),
  );
  app.get('/benefits/:id', { schema: { tags, params: IdParams, response: { 200: BenefitSchema } } }, (req) =>
    service.getBenefit(req.ctx, req.params.id),
  );
  app.patch(
    '/benefits/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: BenefitUpdateSchema, response: { 200: BenefitSchema } },
    },
    (req) => service.updateBenefit(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/benefits/:id',
    { config: { access: 'portfolio.write' }, schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } } },
    async (req) => {
      await service.removeBenefit(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );

  app.post(
    '/benefits/:id/indicators',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: IndicatorInputSchema, response: { 201: BenefitSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.addIndicator(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/benefit-indicators/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: IndicatorUpdateSchema, response: { 200: BenefitSchema } },
    },
    (req) => service.updateIndicator(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/benefit-indicators/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: BenefitSchema } },
    },
    (req) => service.removeIndicator(req.ctx, req.params.id, req.query.version),
  );
  app.put(
    '/benefit-indicators/:id/targets/:number',
    {
      config: { access: 'project.answerForMunicipality' },
      schema: { tags, params: TargetParams, body: IndicatorTargetInputSchema, response: { 200: BenefitSchema } },
    },
    (req) => service.saveTarget(req.ctx, req.params.id, req.params.number, req.body),
  );
  app.post(
    '/benefit-indicators/:id/measurements',
    {
      config: { access: 'project.answerForMunicipality' },
      schema: { tags, params: IdParams, body: MeasurementInputSchema, response: { 201: BenefitSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.addMeasurement(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/benefit-measurements/:id',
    { config: { access: 'project.answerForMunicipality' }, schema: { tags, params: IdParams, response: { 200: BenefitSchema } } },
    (req) => service.removeMeasurement(req.ctx, req.params.id),
  );

  app.get(
    '/networks/:networkId/benefits',
    { schema: { tags, params: NetworkParams, querystring: RollupExportQuery, response: { 200: BenefitsRollupSchema } } },
    async (req, reply) => {
      const { format, municipality } = req.query;
      if (format) return sendFile(reply, await exportRollup(req.ctx, req.params.networkId, municipality, format));
      return sendPrepared(req, reply, await benefitsRollup(req.ctx, req.params.networkId, municipality));
    },
  );

  app.get(
    '/projects/:id/benefit-curves',
    { schema: { tags, params: IdParams, querystring: FormatQuery, response: { 200: BenefitCurvesAnswerSchema } } },
    async (req, reply) => sendCurves(req, reply, await projectCurves(req.ctx, req.params.id), req.query.format),
  );
  app.get(
    '/networks/:networkId/benefit-curves',
    { schema: { tags, params: NetworkParams, querystring: RollupExportQuery, response: { 200: BenefitCurvesAnswerSchema } } },
    async (req, reply) =>
      sendCurves(req, reply, await networkCurves(req.ctx, req.params.networkId, req.query.municipality), req.query.format),
  );
  app.get(
    '/municipalities/:number/benefit-curves',
    { schema: { tags, params: MunicipalityParams, querystring: FormatQuery, response: { 200: BenefitCurvesAnswerSchema } } },
    async (req, reply) => sendCurves(req, reply, await municipalityCurves(req.ctx, req.params.number), req.query.format),
  );
};
