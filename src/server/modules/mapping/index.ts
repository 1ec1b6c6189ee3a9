import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { catalogRoutes } from './routes.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { surveyRoutes } from './surveys/routes.ts';
import { loadSharedSolutions } from './reference-data.ts';
import { loadBuiltInTemplates } from './surveys/templates.ts';

export { SURVEY_REMINDER_JOB, surveyReminderJob } from './surveys/reminders.ts';
export { issueSurveyLink } from './surveys/links.ts';
export { loadSharedSolutions } from './reference-data.ts';

/** The mapping module: catalog and use of applications, shared-solution adoption, surveys and dashboards. */
export const mappingRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, options) => {
  await app.register(catalogRoutes);
  await app.register(dashboardRoutes);
  await app.register(surveyRoutes, { publicUrl: options.publicUrl });
};

/** Reference data the module ships: the shared-solution catalog and the built-in survey templates. */
export async function loadMappingReferenceData(db: Db): Promise<void> {
  await loadSharedSolutions(db);
  await loadBuiltInTemplates(db);
}
