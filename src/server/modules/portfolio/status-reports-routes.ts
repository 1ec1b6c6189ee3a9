import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkSchema, Version } from '../../../shared/common.ts';
import {
  StatusReportInputSchema,
  StatusReportListSchema,
  StatusReportPublishSchema,
  StatusReportSchema,
  StatusReportUpdateSchema,
} from '../../../shared/portfolio/status-reports.ts';
import { sendFile } from '../documents/index.ts';
import { FROM_STORAGE, type FileStorage } from '../storage/index.ts';
import * as service from './status-reports.ts';

const tags = ['portfolio'];
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });

/** A project's status reports: drafts written and published by the secretariat, owner and manager; the PDF snapshot. */
export const statusReportRoutes: FastifyPluginAsyncZod<{ storage: FileStorage }> = async (app, { storage }) => {
  app.get('/projects/:id/status-reports', { schema: { tags, params: IdParams, response: { 200: StatusReportListSchema } } }, (req) =>
    service.listStatusReports(req.ctx, req.params.id),
  );
  app.post(
    '/projects/:id/status-reports',
    {
      config: { access: 'project.writeStatusReports' },
      schema: { tags, params: IdParams, body: StatusReportInputSchema, response: { 201: StatusReportSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createStatusReport(req.ctx, req.params.id, req.body)),
  );
  app.get('/status-reports/:id', { schema: { tags, params: IdParams, response: { 200: StatusReportSchema } } }, (req) =>
    service.getStatusReport(req.ctx, req.params.id),
  );
  app.patch(
    '/status-reports/:id',
    {
      config: { access: 'project.writeStatusReports' },
      schema: { tags, params: IdParams, body: StatusReportUpdateSchema, response: { 200: StatusReportSchema } },
    },
    (req) => service.updateStatusReport(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/status-reports/:id',
    {
      config: { access: 'project.writeStatusReports' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } },
    },
    async (req) => {
      await service.deleteStatusReport(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/status-reports/:id/publish',
    {
      config: { access: 'project.writeStatusReports' },
      schema: { tags, params: IdParams, body: StatusReportPublishSchema, response: { 200: StatusReportSchema } },
    },
    (req) => service.publishStatusReport(req.ctx, storage, req.params.id, req.body.version),
  );
  app.get('/status-reports/:id/pdf', { config: FROM_STORAGE, schema: { tags, params: IdParams } }, async (req, reply) => {
    const { fileName, bytes } = await service.statusReportPdf(req.ctx, storage, req.params.id);
    return sendFile(reply, { body: bytes, fileName, contentType: 'application/pdf' });
  });
};
