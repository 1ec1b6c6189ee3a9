import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OPEN_DATA_FORMATS, PublicAdoptionSchema, PublicLandscapeSchema } from '../../../shared/mapping/open-data.ts';
import { sendFile } from '../documents/index.ts';
import { sendPrepared } from '../../prepared-answers.ts';
import { PublicationSchema } from '../../../shared/mapping/schema.ts';
import { exportPublicAdoption, exportPublicLandscape, getPublicPublication, publicAdoption, publicLandscape } from './publication.ts';

const PUBLIC = { public: true };
const tags = ['publicAccess'];
const SlugParams = z.object({ slug: z.string().min(1).max(100) });
const OpenDataQuery = z.object({ format: z.enum(OPEN_DATA_FORMATS, { error: 'choice' }).default('json') });

/**
 * Open data of the mapping, no login: a network's adoption matrix and application landscape, each only while
 * the network publishes it (404 otherwise). Any site may read them; caches may keep an answer for a minute,
 * so switching publication off takes at most that long to reach every reader.
 */
export const publicMappingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    if (reply.statusCode === 200) reply.header('cache-control', 'public, max-age=60');
    return payload;
  });

  app.get(
    '/public/networks/:slug/mapping',
    { config: PUBLIC, schema: { tags, params: SlugParams, response: { 200: PublicationSchema.omit({ version: true }) } } },
    (req) => getPublicPublication(req.ctx, req.params.slug),
  );
  app.get(
    '/public/networks/:slug/mapping/adoption',
    { config: PUBLIC, schema: { tags, params: SlugParams, querystring: OpenDataQuery, response: { 200: PublicAdoptionSchema } } },
    async (req, reply) => {
      if (req.query.format === 'csv') return sendFile(reply, await exportPublicAdoption(req.ctx, req.params.slug, 'csv'));
      return sendPrepared(req, reply, await publicAdoption(req.ctx, req.params.slug));
    },
  );
  app.get(
    '/public/networks/:slug/mapping/landscape',
    { config: PUBLIC, schema: { tags, params: SlugParams, querystring: OpenDataQuery, response: { 200: PublicLandscapeSchema } } },
    async (req, reply) => {
      if (req.query.format === 'csv') return sendFile(reply, await exportPublicLandscape(req.ctx, req.params.slug, 'csv'));
      return sendPrepared(req, reply, await publicLandscape(req.ctx, req.params.slug));
    },
  );
};
