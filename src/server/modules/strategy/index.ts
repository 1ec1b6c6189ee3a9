import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { strategyRoutes as privateRoutes } from './routes.ts';
import { publicStrategyRoutes } from './public-routes.ts';

/**
 * The strategy module: a network's strategy in numbered versions (frozen when published), each member
 * municipality's own version with its political decision, and the yearly action plans with tertial reports.
 * Other modules (and the demo data) use these functions; each takes the request context first.
 */
export {
  createStrategy,
  updateStrategy,
  listStrategies,
  getStrategy,
  getVersion,
  newRevision,
  saveVersion,
  publishVersion,
  deleteVersion,
} from './strategies.ts';
export { getLocalVersion, saveLocalVersion, adoptionOverview } from './local-versions.ts';
export {
  listActionPlans,
  getActionPlan,
  createActionPlan,
  addMeasure,
  updateMeasure,
  deleteMeasure,
  reportTertial,
} from './action-plans.ts';
export { slugKey } from './keys.ts';
export { networkFocusAreas, type FocusAreas } from './focus-areas.ts';
export { exportVersion, exportLocalVersion } from './documents.ts';

/** The module's API: the internal routes and the public ones. */
export const strategyRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(privateRoutes);
  await app.register(publicStrategyRoutes);
};
