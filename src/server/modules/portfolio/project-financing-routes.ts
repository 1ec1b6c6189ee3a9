import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/common.ts';
import { FinancingInputSchema, ProjectFinancingSchema } from '../../../shared/finance/project-financing.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import * as service from './project-financing.ts';

/** Its own tag too, so the financing's fields have their own labels («projectFinancing:sources»). */
const tags = ['portfolio', 'projectFinancing'];
const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }) });

/** A project's financing and cost split: read by the project's readers, saved whole by the secretariat. */
export const projectFinancingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects/:id/financing', { schema: { tags, params: IdParams, response: { 200: ProjectFinancingSchema } } }, (req) =>
    service.getFinancing(req.ctx, req.params.id),
  );
  app.put(
    '/projects/:id/financing',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: FinancingInputSchema, response: { 200: ProjectFinancingSchema } },
    },
    (req) => service.saveFinancing(req.ctx, req.params.id, req.body),
  );
  app.get('/projects/:id/financing/split/export', { schema: { tags, params: IdParams, querystring: ExportQuery } }, async (req, reply) =>
    sendFile(reply, await service.exportSplit(req.ctx, req.params.id, req.query.format)),
  );
};
