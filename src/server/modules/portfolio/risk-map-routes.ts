import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NetworkParams } from '../../../shared/common.ts';
import { RiskCellQuery, RiskMapEntrySchema, RiskMapQuery, RiskMapSchema } from '../../../shared/portfolio/risk-map.ts';
import { sendPrepared } from '../../prepared-answers.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import { exportRiskMap, riskCell, riskMap } from './risk-map.ts';

const tags = ['portfolio'];
/** The map as JSON, or as a spreadsheet with `?format=xlsx|csv`. */
const MapQuery = RiskMapQuery.extend({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).optional() });

/** The network's risk and opportunity maps and a cell's entries: read only, for the portfolio's readers. */
export const riskMapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/networks/:networkId/risk-map',
    { schema: { tags, params: NetworkParams, querystring: MapQuery, response: { 200: RiskMapSchema } } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      if (format) return sendFile(reply, await exportRiskMap(req.ctx, req.params.networkId, filter, format));
      return sendPrepared(req, reply, await riskMap(req.ctx, req.params.networkId, filter));
    },
  );
  app.get(
    '/networks/:networkId/risk-map/cell',
    { schema: { tags, params: NetworkParams, querystring: RiskCellQuery, response: { 200: z.array(RiskMapEntrySchema) } } },
    async (req, reply) => sendPrepared(req, reply, await riskCell(req.ctx, req.params.networkId, req.query)),
  );
};
