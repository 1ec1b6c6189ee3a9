import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Id, IdParams, NetworkParams, OkSchema, Version } from '../../../../shared/common.ts';
import {
  AnswerSaveSchema,
  MaturityTrendSchema,
  RespondentInputSchema,
  ResultsFilterQuery,
  ResponseFormSchema,
  RoundCreateSchema,
  RoundSchema,
  RoundSummarySchema,
  RoundUpdateSchema,
  ScorecardSchema,
  TemplateCopySchema,
  TemplateInputSchema,
  TemplateSchema,
  TemplateUpdateSchema,
} from '../../../../shared/mapping/surveys.ts';
import { EXPORT_FORMATS, sendFile } from '../../documents/index.ts';
import { exportScorecard, exportTrend } from './export.ts';
import * as service from './service.ts';

const tags = ['surveys'];
const PUBLIC = { public: true };
const VersionBody = z.object({ version: Version });
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const FormatQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).default('xlsx') });
/** The exports take the page's filter; the page itself filters the whole results it fetched once. */
const ResultsExportQuery = ResultsFilterQuery.extend(FormatQuery.shape);
const TemplateParams = NetworkParams.extend({ templateId: Id });
const RespondentParams = IdParams.extend({ respondentId: Id });
const TokenParams = z.object({ token: z.string().min(20).max(100) });

/**
 * Surveys: templates (built-in and a network's own), rounds run by the secretariat, the respondents'
 * personal links (no login), and the results (scorecard per round, maturity over rounds) with exports.
 */
export const surveyRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, options) => {
  const links: service.LinkSettings = { publicUrl: options.publicUrl };

  // templates
  app.get(
    '/networks/:networkId/survey-templates',
    { schema: { tags, params: NetworkParams, response: { 200: z.array(TemplateSchema) } } },
    (req) => service.listTemplates(req.ctx, req.params.networkId),
  );
  app.post(
    '/networks/:networkId/survey-templates',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: TemplateInputSchema, response: { 201: TemplateSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createTemplate(req.ctx, req.params.networkId, req.body)),
  );
  app.post(
    '/networks/:networkId/survey-templates/:templateId/copy',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: TemplateParams, body: TemplateCopySchema, response: { 201: TemplateSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.copyTemplate(req.ctx, req.params.networkId, req.params.templateId, req.body.name)),
  );
  app.get(
    '/networks/:networkId/survey-templates/:templateId/trend',
    { schema: { tags, params: TemplateParams, response: { 200: MaturityTrendSchema } } },
    (req) => service.getTrend(req.ctx, req.params.networkId, req.params.templateId),
  );
  app.get(
    '/networks/:networkId/survey-templates/:templateId/trend/export',
    { schema: { tags, params: TemplateParams, querystring: ResultsExportQuery } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      return sendFile(reply, await exportTrend(req.ctx, req.params.networkId, req.params.templateId, filter, format));
    },
  );
  app.get('/survey-templates/:id', { schema: { tags, params: IdParams, response: { 200: TemplateSchema } } }, (req) =>
    service.getTemplate(req.ctx, req.params.id),
  );
  app.patch(
    '/survey-templates/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: TemplateUpdateSchema, response: { 200: TemplateSchema } },
    },
    (req) => service.updateTemplate(req.ctx, req.params.id, req.body),
  );

  // rounds
  app.get(
    '/networks/:networkId/survey-rounds',
    { schema: { tags, params: NetworkParams, response: { 200: z.array(RoundSummarySchema) } } },
    (req) => service.listRounds(req.ctx, req.params.networkId),
  );
  app.post(
    '/networks/:networkId/survey-rounds',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: RoundCreateSchema, response: { 201: RoundSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createRound(req.ctx, req.params.networkId, req.body)),
  );
  app.get('/survey-rounds/:id', { schema: { tags, params: IdParams, response: { 200: RoundSchema } } }, (req) =>
    service.getRound(req.ctx, req.params.id),
  );
  app.patch(
    '/survey-rounds/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: RoundUpdateSchema, response: { 200: RoundSchema } },
    },
    (req) => service.updateRound(req.ctx, req.params.id, req.body, links),
  );
  app.delete(
    '/survey-rounds/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } },
    },
    async (req) => {
      await service.deleteRound(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/survey-rounds/:id/respondents',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: RespondentInputSchema, response: { 201: RoundSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.addRespondent(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/survey-rounds/:id/respondents/:respondentId',
    { config: { access: 'network.administer' }, schema: { tags, params: RespondentParams, response: { 200: RoundSchema } } },
    (req) => service.removeRespondent(req.ctx, req.params.id, req.params.respondentId),
  );
  app.post(
    '/survey-rounds/:id/send',
    { config: { access: 'network.administer' }, schema: { tags, params: IdParams, body: VersionBody, response: { 200: RoundSchema } } },
    (req) => service.sendRound(req.ctx, req.params.id, req.body.version, links),
  );
  app.post(
    '/survey-rounds/:id/remind',
    { config: { access: 'network.administer' }, schema: { tags, params: IdParams, response: { 200: RoundSchema } } },
    (req) => service.remindRound(req.ctx, req.params.id, links),
  );
  app.post(
    '/survey-rounds/:id/close',
    { config: { access: 'network.administer' }, schema: { tags, params: IdParams, body: VersionBody, response: { 200: RoundSchema } } },
    (req) => service.closeRound(req.ctx, req.params.id, req.body.version),
  );

  // results
  app.get('/survey-rounds/:id/scorecard', { schema: { tags, params: IdParams, response: { 200: ScorecardSchema } } }, (req) =>
    service.getScorecard(req.ctx, req.params.id),
  );
  app.get(
    '/survey-rounds/:id/scorecard/export',
    { schema: { tags, params: IdParams, querystring: ResultsExportQuery } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      return sendFile(reply, await exportScorecard(req.ctx, req.params.id, filter, format));
    },
  );

  // the respondent's personal link from the e-mail: no login, the token is the key
  app.get(
    '/survey-answers/:token',
    { config: PUBLIC, schema: { tags, params: TokenParams, response: { 200: ResponseFormSchema } } },
    (req) => service.openResponse(req.ctx, req.params.token),
  );
  app.put(
    '/survey-answers/:token',
    {
      config: { ...PUBLIC, access: 'personalLink' },
      schema: { tags, params: TokenParams, body: AnswerSaveSchema, response: { 200: ResponseFormSchema } },
    },
    (req) => service.saveResponse(req.ctx, req.params.token, req.body),
  );
};
