import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NetworkParams } from '../../../shared/common.ts';
import { PrioritizationMatrixSchema, PrioritizationQuery } from '../../../shared/portfolio/prioritization.ts';
import { sendPrepared } from '../../prepared-answers.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import { exportPrioritizationMatrix, prioritizationMatrix } from './prioritization.ts';

const tags = ['portfolio'];
/** The matrix as JSON, or as a spreadsheet with `?format=xlsx|csv`. */
const MatrixQuery = PrioritizationQuery.extend({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).optional() });

/** The network's prioritization matrix: read only, for the portfolio's readers. */
export const prioritizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/networks/:networkId/prioritization-matrix',
    { schema: { tags, params: NetworkParams, querystring: MatrixQuery, response: { 200: PrioritizationMatrixSchema } } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      if (format) return sendFile(reply, await exportPrioritizationMatrix(req.ctx, req.params.networkId, filter, format));
      return sendPrepared(req, reply, await prioritizationMatrix(req.ctx, req.params.networkId, filter));
    },
  );
};
