import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, NetworkParams, OkSchema, Version } from '../../../shared/common.ts';
import {
  ProgrammeCreateSchema,
  ProgrammeRollupSchema,
  ProgrammeSchema,
  ProgrammeUpdateSchema,
  PublicProgrammeSchema,
  PublicProgrammesSchema,
} from '../../../shared/portfolio/programmes.ts';
import * as service from './programmes.ts';
import { publicProgramme, publicProgrammes } from './public.ts';

/** Its own tag beside the portfolio's, so its fields have their own labels («programmes:name»: the programme's name). */
const tags = ['portfolio', 'programmes'];
const publicTags = ['publicAccess', 'portfolio', 'programmes'];
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const SlugParams = z.object({ slug: z.string().min(1).max(100) });
const PublicProgrammeParams = SlugParams.extend({ id: z.string().min(1).max(40) });

/** Programmes: the list, the page with its roll-up, the secretariat's changes, and the public pages. */
export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/networks/:networkId/programmes',
    { schema: { tags, params: NetworkParams, response: { 200: z.array(ProgrammeSchema) } } },
    (req) => service.listProgrammes(req.ctx, req.params.networkId),
  );
  app.post(
    '/networks/:networkId/programmes',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: NetworkParams, body: ProgrammeCreateSchema, response: { 201: ProgrammeRollupSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createProgramme(req.ctx, req.params.networkId, req.body)),
  );
  app.get('/programmes/:id', { schema: { tags, params: IdParams, response: { 200: ProgrammeRollupSchema } } }, (req) =>
    service.getProgramme(req.ctx, req.params.id),
  );
  app.patch(
    '/programmes/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: ProgrammeUpdateSchema, response: { 200: ProgrammeRollupSchema } },
    },
    (req) => service.updateProgramme(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/programmes/:id',
    { config: { access: 'portfolio.write' }, schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } } },
    async (req) => {
      await service.deleteProgramme(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );

  app.get(
    '/public/networks/:slug/programmes',
    { config: { public: true }, schema: { tags: publicTags, params: SlugParams, response: { 200: PublicProgrammesSchema } } },
    (req) => publicProgrammes(req.ctx, req.params.slug),
  );
  app.get(
    '/public/networks/:slug/programmes/:id',
    { config: { public: true }, schema: { tags: publicTags, params: PublicProgrammeParams, response: { 200: PublicProgrammeSchema } } },
    (req) => publicProgramme(req.ctx, req.params.slug, req.params.id),
  );
};
