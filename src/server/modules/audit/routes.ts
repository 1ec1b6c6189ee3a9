import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntrySchema, AuditQuery } from '../../../shared/auth/schema.ts';
import { NetworkParams } from '../../../shared/common.ts';
import { requireNetwork } from '../network/index.ts';
import { listAuditEntries } from './service.ts';
import { assertCan, inNetwork } from '../../access/index.ts';

/** The secretariat reads its network's audit log, optionally for one record. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/networks/:networkId/audit',
    { schema: { tags: ['audit'], params: NetworkParams, querystring: AuditQuery, response: { 200: z.array(AuditEntrySchema) } } },
    async (req) => {
      const network = await requireNetwork(req.ctx, req.params.networkId);
      await assertCan(req.ctx, 'network.administer', inNetwork(network.id));
      const rows = await listAuditEntries(req.ctx.db, { networkId: network.id, ...req.query });
      return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
    },
  );
};
