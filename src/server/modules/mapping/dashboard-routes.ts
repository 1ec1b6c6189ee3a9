import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Placeholder until the dashboard and open-data routes land (this session).
export const dashboardRoutes: FastifyPluginAsyncZod = async () => {};
