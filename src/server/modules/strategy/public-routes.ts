import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/common.ts';
import { AdoptionOverviewSchema, PublicStrategySchema, StrategyVersionSchema } from '../../../shared/strategy/schema.ts';
import { sendFile } from '../documents/index.ts';
import { DOCUMENT_FORMATS, exportPublicVersion, publicAdoptions, publicStrategies, publicVersion } from './documents.ts';

const PUBLIC = { public: true };
const tags = ['publicAccess', 'strategy'];
const SlugParams = z.object({ slug: z.string().min(1).max(100) });
const DocumentQuery = z.object({ format: z.enum(DOCUMENT_FORMATS, { error: 'choice' }).default('pdf') });

/**
 * The published strategy, no login: published versions only (a draft is 404), their documents, and which
 * municipality has adopted which version (political decisions are public records).
 */
export const publicStrategyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/networks/:slug/strategies',
    { config: PUBLIC, schema: { tags, params: SlugParams, response: { 200: z.array(PublicStrategySchema) } } },
    (req) => publicStrategies(req.ctx, req.params.slug),
  );
  app.get(
    '/public/strategy-versions/:id',
    { config: PUBLIC, schema: { tags, params: IdParams, response: { 200: StrategyVersionSchema } } },
    (req) => publicVersion(req.ctx, req.params.id),
  );
  app.get(
    '/public/strategy-versions/:id/export',
    { config: PUBLIC, schema: { tags, params: IdParams, querystring: DocumentQuery } },
    async (req, reply) => sendFile(reply, await exportPublicVersion(req.ctx, req.params.id, req.query.format)),
  );
  app.get(
    '/public/strategies/:id/adoptions',
    { config: PUBLIC, schema: { tags, params: IdParams, response: { 200: AdoptionOverviewSchema } } },
    (req) => publicAdoptions(req.ctx, req.params.id),
  );
};
