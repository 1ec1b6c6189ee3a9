import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { readinessCheck } from './service.ts';

const tags = ['platform'];
const UnavailableSchema = z.object({
  error: z.object({ code: z.literal('unavailable'), message: z.string(), requestId: z.string() }),
});

/**
 * Liveness (`/health`: the process answers) and readiness (`/ready`: the database answers and has every
 * migration, so a load balancer may send traffic). Both public. While the instance stops, every new
 * request, these included, answers 503 (plugins/logging.ts).
 */
export async function healthRoutes(app: FastifyInstance, options: { database: Database; version: string }) {
  const { database, version } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const checkReady = readinessCheck(database);

  api.get(
    '/health',
    {
      config: { public: true, unqueued: true },
      schema: {
        tags,
        summary: 'Liveness: the process answers',
        response: { 200: z.object({ status: z.literal('ok'), version: z.string(), database: z.enum(['pglite', 'postgresql']) }) },
      },
    },
    () => ({ status: 'ok' as const, version, database: database.kind }),
  );

  api.get(
    '/ready',
    {
      config: { public: true, unqueued: true },
      schema: {
        tags,
        summary: 'Readiness: the database answers and has every migration; 503 otherwise and while the instance stops',
        response: { 200: z.object({ status: z.literal('ready') }), 503: UnavailableSchema },
      },
    },
    async (request) => {
      await checkReady(request.log);
      return { status: 'ready' as const };
    },
  );
}
