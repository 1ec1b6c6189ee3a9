import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Id, IdParams, NetworkParams, OkSchema, Version } from '../../../shared/common.ts';
import {
  LessonInputSchema,
  LessonSchema,
  LessonSearchQuery,
  LessonSearchResultSchema,
  LessonUpdateSchema,
} from '../../../shared/portfolio/lessons.ts';
import * as lessons from './lessons.ts';

const tags = ['portfolio'];
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const NetworkLessonParams = NetworkParams.extend({ id: Id });

/** Lessons learned: a project's (read with it, kept by its writers), and the search across the network and beyond. */
export const lessonRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects/:id/lessons', { schema: { tags, params: IdParams, response: { 200: z.array(LessonSchema) } } }, (req) =>
    lessons.listProjectLessons(req.ctx, req.params.id),
  );
  app.post(
    '/projects/:id/lessons',
    { config: { access: 'portfolio.write' }, schema: { tags, params: IdParams, body: LessonInputSchema, response: { 201: LessonSchema } } },
    async (req, reply) => reply.status(201).send(await lessons.addLesson(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/project-lessons/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: LessonUpdateSchema, response: { 200: LessonSchema } },
    },
    (req) => lessons.changeLesson(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/project-lessons/:id',
    { config: { access: 'portfolio.write' }, schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } } },
    async (req) => {
      await lessons.removeLesson(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.get(
    '/networks/:networkId/lessons',
    { schema: { tags, params: NetworkParams, querystring: LessonSearchQuery, response: { 200: LessonSearchResultSchema } } },
    (req) => lessons.searchLessons(req.ctx, req.params.networkId, req.query),
  );
  app.get('/networks/:networkId/lessons/:id', { schema: { tags, params: NetworkLessonParams, response: { 200: LessonSchema } } }, (req) =>
    lessons.getNetworkLesson(req.ctx, req.params.networkId, req.params.id),
  );
};
