import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, NetworkParams } from '../../../shared/common.ts';
import {
  ArchiveExtractCreateSchema,
  ArchiveExtractSchema,
  ArchiveMeetingSchema,
  ArchiveMeetingsQuery,
  VerificationSchema,
} from '../../../shared/archive/schema.ts';
import { attachmentHeader } from '../documents/index.ts';
import { FROM_STORAGE, type FileStorage } from '../storage/index.ts';
import * as service from './extract.ts';
import { verifyUpload } from './upload.ts';

/** The secretariat's archive: Noark 5 extracts of the network's meetings, their download and verification. */
export const archiveRoutes: FastifyPluginAsyncZod<{ storage: FileStorage }> = async (app, { storage }) => {
  const tags = ['archive'];
  // A tar to verify streams through as it arrives: nothing holds it whole, whatever its size.
  app.addContentTypeParser('application/x-tar', (_req, payload, done) => done(null, payload));

  app.get(
    '/networks/:networkId/archive-extracts',
    { schema: { tags, params: NetworkParams, response: { 200: z.array(ArchiveExtractSchema) } } },
    (req) => service.listExtracts(req.ctx, req.params.networkId),
  );
  app.post(
    '/networks/:networkId/archive-extracts',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: ArchiveExtractCreateSchema, response: { 202: ArchiveExtractSchema } },
    },
    async (req, reply) => reply.status(202).send(await service.createExtract(req.ctx, req.params.networkId, req.body)),
  );
  app.get(
    '/networks/:networkId/archive-meetings',
    { schema: { tags, params: NetworkParams, querystring: ArchiveMeetingsQuery, response: { 200: z.array(ArchiveMeetingSchema) } } },
    (req) => service.listArchiveMeetings(req.ctx, req.params.networkId, req.query),
  );
  app.get('/archive-extracts/:id', { schema: { tags, params: IdParams, response: { 200: ArchiveExtractSchema } } }, (req) =>
    service.getExtract(req.ctx, req.params.id),
  );
  app.get('/archive-extracts/:id/download', { config: FROM_STORAGE, schema: { tags, params: IdParams } }, async (req, reply) => {
    const file = await service.downloadExtract(req.ctx, storage, req.params.id);
    return reply
      .header('content-type', 'application/x-tar')
      .header('content-length', String(file.size))
      .header('content-disposition', attachmentHeader(file.fileName))
      .header('digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.stream);
  });
  app.get(
    '/archive-extracts/:id/verification',
    { config: FROM_STORAGE, schema: { tags, params: IdParams, response: { 200: VerificationSchema } } },
    (req) => service.verifyStoredExtract(req.ctx, storage, req.params.id),
  );
  app.post(
    '/archive-extracts/verify',
    { config: { access: 'admin.use' }, schema: { tags, response: { 200: VerificationSchema } } },
    (req) => verifyUpload(req.ctx, req.body as IncomingMessage | undefined, req.headers['content-type']),
  );
};
