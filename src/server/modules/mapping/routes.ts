import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Placeholder until the catalog, application and spreadsheet routes land (this session).
export const catalogRoutes: FastifyPluginAsyncZod = async () => {};
