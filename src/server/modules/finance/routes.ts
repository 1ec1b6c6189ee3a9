import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, NetworkParams, OkSchema, Version } from '../../../shared/common.ts';
import {
  FeeScheduleAdoptSchema,
  FeeScheduleCreateSchema,
  FeeScheduleSchema,
  FeeScheduleSummarySchema,
  FeeScheduleUpdateSchema,
} from '../../../shared/finance/fees.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import * as fees from './fees.ts';
import { exportFeeSchedule } from './documents.ts';
import * as statements from './statements.ts';
import { renderOverviewTable, renderStatementPdf } from './statement-document.ts';
import {
  FinanceOverviewSchema,
  MunicipalityStatementSchema,
  StatementParams,
  StatementYearQuery,
} from '../../../shared/finance/statements.ts';

const tags = ['finance'];
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const TableQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).default('xlsx') });

/** A network's member-fee schedules: drafts with a preview of the fees, adoption by a decided case, the invoice basis. */
export const financeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/networks/:networkId/fee-schedules',
    { schema: { tags, params: NetworkParams, response: { 200: z.array(FeeScheduleSummarySchema) } } },
    (req) => fees.listFeeSchedules(req.ctx, req.params.networkId),
  );
  app.post(
    '/networks/:networkId/fee-schedules',
    { schema: { tags, params: NetworkParams, body: FeeScheduleCreateSchema, response: { 201: FeeScheduleSchema } } },
    async (req, reply) => reply.status(201).send(await fees.createFeeSchedule(req.ctx, req.params.networkId, req.body)),
  );
  app.get('/fee-schedules/:id', { schema: { tags, params: IdParams, response: { 200: FeeScheduleSchema } } }, (req) =>
    fees.getFeeSchedule(req.ctx, req.params.id),
  );
  app.patch(
    '/fee-schedules/:id',
    { schema: { tags, params: IdParams, body: FeeScheduleUpdateSchema, response: { 200: FeeScheduleSchema } } },
    (req) => fees.updateFeeSchedule(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/fee-schedules/:id',
    { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } } },
    async (req) => {
      await fees.deleteFeeSchedule(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/fee-schedules/:id/adopt',
    { schema: { tags, params: IdParams, body: FeeScheduleAdoptSchema, response: { 200: FeeScheduleSchema } } },
    (req) => fees.adoptFeeSchedule(req.ctx, req.params.id, req.body),
  );
  app.get('/fee-schedules/:id/export', { schema: { tags, params: IdParams, querystring: TableQuery } }, async (req, reply) =>
    sendFile(reply, await exportFeeSchedule(req.ctx, req.params.id, req.query.format)),
  );

  // ---- the per-municipality statements and the network's overview of them
  app.get(
    '/networks/:networkId/finance/overview',
    { schema: { tags, params: NetworkParams, querystring: StatementYearQuery, response: { 200: FinanceOverviewSchema } } },
    (req) => statements.financeOverview(req.ctx, req.params.networkId, req.query.year),
  );
  app.get(
    '/networks/:networkId/finance/overview/export',
    { schema: { tags, params: NetworkParams, querystring: StatementYearQuery.extend(TableQuery.shape) } },
    async (req, reply) => {
      const overview = await statements.financeOverview(req.ctx, req.params.networkId, req.query.year);
      return sendFile(reply, await renderOverviewTable(overview, req.ctx.language, req.query.format));
    },
  );
  app.get(
    '/networks/:networkId/finance/statements/:municipalityNumber',
    { schema: { tags, params: StatementParams, querystring: StatementYearQuery, response: { 200: MunicipalityStatementSchema } } },
    (req) => statements.municipalityStatement(req.ctx, req.params.networkId, req.params.municipalityNumber, req.query.year),
  );
  app.get(
    '/networks/:networkId/finance/statements/:municipalityNumber/pdf',
    { schema: { tags, params: StatementParams, querystring: StatementYearQuery } },
    async (req, reply) =>
      sendFile(
        reply,
        await renderStatementPdf(
          await statements.municipalityStatement(req.ctx, req.params.networkId, req.params.municipalityNumber, req.query.year),
        ),
      ),
  );
};
