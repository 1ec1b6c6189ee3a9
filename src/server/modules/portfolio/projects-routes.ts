import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, MunicipalityNumber, NetworkParams, OkSchema, Version } from '../../../shared/common.ts';
import {
  BASIS_DOCUMENT_KINDS,
  BasisDocumentSchema,
  DecisionRequestSchema,
  DeliverableInputSchema,
  DeliverableUpdateSchema,
  MilestoneInputSchema,
  MilestoneUpdateSchema,
  ParticipationInputSchema,
  PortfolioQuery,
  PortfolioRowSchema,
  ProjectCreateSchema,
  ProjectSchema,
  ProjectUpdateSchema,
  RiskInputSchema,
  RiskUpdateSchema,
} from '../../../shared/portfolio/projects.ts';
import { ReferenceParam } from '../../../shared/portfolio/references.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import { sendPrepared } from '../../prepared-answers.ts';
import { acceptUploads, FROM_STORAGE, type FileStorage } from '../storage/index.ts';
import * as service from './projects.ts';
import { decideProject } from './projects-decisions.ts';
import * as plans from './projects-plans.ts';
import { deleteProjectDocument, downloadProjectDocument, uploadProjectDocument } from './projects-documents.ts';

export interface ProjectRouteOptions {
  storage: FileStorage;
}

const tags = ['portfolio'];
/** The portfolio overview as JSON, or as a spreadsheet with `?format=xlsx|csv`. */
const ListQuery = PortfolioQuery.extend({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).optional() });
const ParticipantParams = z.object({ id: IdParams.shape.id, number: MunicipalityNumber });
const UploadQuery = z.object({
  kind: z.enum(BASIS_DOCUMENT_KINDS, { error: 'choice' }),
  fileName: z.string().trim().min(1, { error: 'required' }).max(200),
});
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }) });

/** Projects: the portfolio overview, a project, its participants, basis documents and decisions. */
export const projectRoutes: FastifyPluginAsyncZod<ProjectRouteOptions> = async (app, { storage }) => {
  // Uploads arrive as the raw file with its name and kind in the query; what it is, its bytes tell (storage/uploads.ts).
  acceptUploads(app);

  app.get(
    '/networks/:networkId/projects',
    { schema: { tags, params: NetworkParams, querystring: ListQuery, response: { 200: z.array(PortfolioRowSchema) } } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      if (format) return sendFile(reply, await service.exportProjects(req.ctx, req.params.networkId, filter, format));
      return sendPrepared(req, reply, await service.listProjects(req.ctx, req.params.networkId, filter));
    },
  );
  app.post(
    '/networks/:networkId/projects',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: NetworkParams, body: ProjectCreateSchema, response: { 201: ProjectSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createProject(req.ctx, req.params.networkId, req.body)),
  );
  app.get('/projects/:id', { schema: { tags, params: IdParams, response: { 200: ProjectSchema } } }, (req) =>
    service.getProject(req.ctx, req.params.id),
  );
  app.get(
    '/networks/:networkId/projects/by-reference/:reference',
    { schema: { tags, params: NetworkParams.extend({ reference: ReferenceParam('project') }), response: { 200: ProjectSchema } } },
    (req) => service.getProjectByReference(req.ctx, req.params.networkId, req.params.reference),
  );
  app.patch(
    '/projects/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: ProjectUpdateSchema, response: { 200: ProjectSchema } },
    },
    (req) => service.updateProject(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/projects/:id/participants/:number',
    {
      config: { access: 'project.answerForMunicipality' },
      schema: { tags, params: ParticipantParams, body: ParticipationInputSchema, response: { 200: ProjectSchema } },
    },
    (req) => service.setParticipation(req.ctx, req.params.id, req.params.number, req.body),
  );
  app.post(
    '/projects/:id/decisions',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: DecisionRequestSchema, response: { 201: ProjectSchema } },
    },
    async (req, reply) => reply.status(201).send(await decideProject(req.ctx, req.params.id, req.body)),
  );

  // the plan: milestones, risks and deliverables, each answered with the whole project
  app.post(
    '/projects/:id/milestones',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: MilestoneInputSchema, response: { 201: ProjectSchema } },
    },
    async (req, reply) => reply.status(201).send(await plans.addMilestone(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/project-milestones/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: MilestoneUpdateSchema, response: { 200: ProjectSchema } },
    },
    (req) => plans.changeMilestone(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/project-milestones/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: ProjectSchema } },
    },
    (req) => plans.removeMilestone(req.ctx, req.params.id, req.query.version),
  );
  app.post(
    '/projects/:id/risks',
    { config: { access: 'portfolio.write' }, schema: { tags, params: IdParams, body: RiskInputSchema, response: { 201: ProjectSchema } } },
    async (req, reply) => reply.status(201).send(await plans.addRisk(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/project-risks/:id',
    { config: { access: 'portfolio.write' }, schema: { tags, params: IdParams, body: RiskUpdateSchema, response: { 200: ProjectSchema } } },
    (req) => plans.changeRisk(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/project-risks/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: ProjectSchema } },
    },
    (req) => plans.removeRisk(req.ctx, req.params.id, req.query.version),
  );
  app.get('/projects/:id/risks/export', { schema: { tags, params: IdParams, querystring: ExportQuery } }, async (req, reply) =>
    sendFile(reply, await plans.exportRisks(req.ctx, req.params.id, req.query.format)),
  );
  app.post(
    '/projects/:id/deliverables',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: DeliverableInputSchema, response: { 201: ProjectSchema } },
    },
    async (req, reply) => reply.status(201).send(await plans.addDeliverable(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/project-deliverables/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, body: DeliverableUpdateSchema, response: { 200: ProjectSchema } },
    },
    (req) => plans.changeDeliverable(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/project-deliverables/:id',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: ProjectSchema } },
    },
    (req) => plans.removeDeliverable(req.ctx, req.params.id, req.query.version),
  );

  // basis documents
  app.post(
    '/projects/:id/documents',
    {
      config: { access: 'portfolio.write' },
      schema: { tags, params: IdParams, querystring: UploadQuery, response: { 201: BasisDocumentSchema } },
    },
    async (req, reply) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const file = { kind: req.query.kind, fileName: req.query.fileName, bytes };
      return reply.status(201).send(await uploadProjectDocument(req.ctx, storage, req.params.id, file));
    },
  );
  app.delete(
    '/project-documents/:id',
    { config: { access: 'portfolio.write' }, schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } } },
    async (req) => {
      await deleteProjectDocument(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.get('/project-documents/:id/file', { config: FROM_STORAGE, schema: { tags, params: IdParams } }, async (req, reply) => {
    const { document, bytes } = await downloadProjectDocument(req.ctx, storage, req.params.id);
    return sendFile(reply, { body: bytes, fileName: document.fileName, contentType: document.contentType });
  });
};
