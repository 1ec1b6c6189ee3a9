import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MyWorkSchema } from '../../../shared/myWork/schema.ts';
import { myWork } from './work.ts';

const tags = ['myWork'];

/** The logged-in account's start page («Mitt arbeid») in one answer. */
export const myWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/work', { schema: { tags, response: { 200: MyWorkSchema } } }, (req) => myWork(req.ctx));
};
