import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { proposalRoutes } from './routes.ts';
import { publicProposalRoutes } from './public-routes.ts';
import { projectRoutes, type ProjectRouteOptions } from './projects-routes.ts';
import { statusReportRoutes } from './status-reports-routes.ts';
import { projectFinancingRoutes } from './project-financing-routes.ts';
import { riskMapRoutes } from './risk-map-routes.ts';
import { prioritizationRoutes } from './prioritization-routes.ts';
import { lessonRoutes } from './lessons-routes.ts';

/**
 * The portfolio module: proposals (needs and ideas from members, municipal employees and the public form, triaged
 * and assessed by the secretariat against the network's weights, kept as a ranked list) and projects (through the
 * project model's phases and decision points, with participants, basis documents, plans, status reports and the portfolio overview).
 * Other modules (and the demo data) use these functions; each takes the request context first.
 */
export {
  listProposals,
  getProposal,
  createProposal,
  updateProposal,
  triageProposal,
  assessProposal,
  exportProposals,
  insertProposal,
  type NewProposal,
} from './proposals.ts';
export { getWeights, saveWeights } from './weights.ts';
export { publicProposalForm, submitPublicProposal } from './public.ts';
export { signFormToken } from './form-token.ts';
export {
  listProjects,
  getProject,
  createProject,
  updateProject,
  setParticipation,
  exportProjects,
  insertProject,
  type NewProject,
} from './projects.ts';
export { decideProject, decidedCaseDate } from './projects-decisions.ts';
export { getFinancing, saveFinancing, exportSplit } from './project-financing.ts';
export {
  findProject,
  projectMunicipalities,
  readableProject,
  writableProject,
  participationWritable,
  type ProjectRow,
} from './project-records.ts';
export { publicPortfolio, publicProject } from './public-projects.ts';
export { uploadProjectDocument, deleteProjectDocument } from './projects-documents.ts';
export { addMilestone, addRisk, addDeliverable } from './projects-plans.ts';
export { riskMap, riskCell, openRiskEntries } from './risk-map.ts';
export { prioritizationMatrix } from './prioritization.ts';
export { latestStatuses, LATEST_REPORT } from './status-reports.ts';
export { addLesson, searchLessons } from './lessons.ts';
export {
  listStatusReports,
  getStatusReport,
  createStatusReport,
  updateStatusReport,
  deleteStatusReport,
  publishStatusReport,
  statusReportPdf,
} from './status-reports.ts';

/** The module's API: the internal routes, the public form, and the projects (whose documents live in `storage`). */
export const portfolioRoutes: FastifyPluginAsyncZod<ProjectRouteOptions> = async (app, options) => {
  await app.register(proposalRoutes);
  await app.register(publicProposalRoutes);
  await app.register(projectRoutes, { storage: options.storage });
  await app.register(statusReportRoutes, { storage: options.storage });
  await app.register(projectFinancingRoutes);
  await app.register(riskMapRoutes);
  await app.register(prioritizationRoutes);
  await app.register(lessonRoutes);
};
