import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Placeholder until the survey routes land (this session).
export const surveyRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async () => {};
