import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/common.ts';
import { z } from 'zod';
import { attachmentHeader, sendFile } from '../documents/index.ts';
import * as einnsyn from './einnsyn.ts';

const PUBLIC = { public: true };

/**
 * The public side of the archive module, under /api/public: each published meeting in the form eInnsyn takes, a
 * network's for a period as one file, and the two documents that form refers to which the public pages did not
 * serve as files before (the public summons and a case paper).
 */
export const archivePublicRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, { publicUrl }) => {
  const tags = ['einnsyn'];
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    return payload;
  });

  app.get('/public/meetings/:id/einnsyn', { config: PUBLIC, schema: { tags, params: IdParams } }, async (req, reply) => {
    const xml = await einnsyn.meetingEinnsyn(req.ctx, req.params.id, publicUrl);
    return reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', `inline; filename="einnsyn-moete-${req.params.id}.xml"`)
      .send(xml);
  });
  app.get(
    '/public/networks/:slug/einnsyn',
    { config: PUBLIC, schema: { tags, params: z.object({ slug: z.string().min(1).max(100) }), querystring: einnsyn.EinnsynPeriodQuery } },
    async (req, reply) => {
      const file = await einnsyn.periodEinnsyn(req.ctx, req.params.slug, req.query, publicUrl);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', attachmentHeader(file.fileName))
        .send(Readable.from(file.chunks));
    },
  );
  app.get('/public/meetings/:id/summons', { config: PUBLIC, schema: { tags, params: IdParams } }, async (req, reply) =>
    sendFile(reply, await einnsyn.publicSummonsFile(req.ctx, req.params.id)),
  );
  app.get('/public/agenda-items/:id/case-paper', { config: PUBLIC, schema: { tags, params: IdParams } }, async (req, reply) =>
    sendFile(reply, await einnsyn.publicCasePaperFile(req.ctx, req.params.id)),
  );
};
