import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { networkCatalogue } from './catalogue.ts';

const PUBLIC = { public: true };

/** The open-data catalogue, public: one DCAT-AP-NO catalogue per network, as JSON-LD. */
export const openDataRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, { publicUrl }) => {
  app.get(
    '/public/networks/:slug/catalogue',
    { config: PUBLIC, schema: { tags: ['open data'], params: z.object({ slug: z.string().min(1).max(100) }) } },
    async (req, reply) => {
      const catalogue = await networkCatalogue(req.ctx, req.params.slug, publicUrl);
      return reply.type('application/ld+json; charset=utf-8').header('access-control-allow-origin', '*').send(JSON.stringify(catalogue));
    },
  );
};
