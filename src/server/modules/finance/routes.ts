import { z } from 'zod';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, MunicipalityNumber, NetworkParams, OkSchema, Version } from '../../../shared/common.ts';
import {
  FeeScheduleAdoptSchema,
  FeeScheduleCreateSchema,
  FeeScheduleSchema,
  FeeScheduleSummarySchema,
  FeeScheduleUpdateSchema,
} from '../../../shared/finance/fees.ts';
import {
  GrantAllocationCreateSchema,
  GrantAllocationUpdateSchema,
  GrantCreateSchema,
  GrantDeadlineCreateSchema,
  GrantDeadlineReportedSchema,
  GrantDeadlineUpdateSchema,
  GrantExpenseCreateSchema,
  GrantExpenseUpdateSchema,
  GrantListSchema,
  GrantSchema,
  GrantUpdateSchema,
  ProjectGrantSchema,
} from '../../../shared/finance/grants.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import { addSpreadsheetParsers } from '../spreadsheets/index.ts';
import * as fees from './fees.ts';
import * as grants from './grants.ts';
import {
  EntryCreateSchema,
  EntryListQuery,
  EntryListSchema,
  EntrySchema,
  EntryUpdateSchema,
  ImportResultSchema as OwnEffortImportResultSchema,
  OptionsSchema,
  ProjectOwnEffortSchema,
  RateInputSchema,
  RateSchema,
  SummarySchema,
  YearQuery,
} from '../../../shared/finance/own-effort.ts';
import * as ownEffort from './own-effort.ts';
import * as capacity from './capacity.ts';
import { exportCapacity } from './capacity-documents.ts';
import {
  CapacityQuery,
  CapacitySchema,
  CommitmentInputSchema,
  CommitmentSchema,
  MunicipalityCapacitySchema,
  PlanCreateSchema,
  PlanListQuery,
  PlanListSchema,
  PlanSchema,
  PlanUpdateSchema,
} from '../../../shared/finance/capacity.ts';
import { exportEntries, exportSummary } from './own-effort-documents.ts';
import { exportFeeSchedule } from './documents.ts';
import {
  BudgetActualCreateSchema,
  BudgetActualSchema,
  BudgetCreateSchema,
  BudgetImportResultSchema,
  BudgetLineCreateSchema,
  BudgetLineUpdateSchema,
  BudgetSchema,
  BudgetSummarySchema,
  BudgetUpdateSchema,
} from '../../../shared/finance/budget.ts';
import * as budget from './budget.ts';
import { importBudgetActuals, XLSX_CONTENT_TYPE } from './budget-import.ts';
import { exportBudget } from './budget-export.ts';
import { exportGrants } from './grants-export.ts';
import * as statements from './statements.ts';
import { renderOverviewTable, renderStatementPdf } from './statement-document.ts';
import {
  FinanceOverviewSchema,
  MunicipalityStatementSchema,
  StatementParams,
  OverviewYearQuery,
  StatementYearQuery,
} from '../../../shared/finance/statements.ts';

const tags = ['finance'];
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const TableQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).default('xlsx') });

/**
 * A network's member-fee schedules: drafts with a preview of the fees, adoption by a decided case, the invoice basis.
 * Its grants: what they finance, what is spent, the reporting deadlines, the list as a spreadsheet.
 */
export const financeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/networks/:networkId/fee-schedules',
    { schema: { tags, params: NetworkParams, response: { 200: z.array(FeeScheduleSummarySchema) } } },
    (req) => fees.listFeeSchedules(req.ctx, req.params.networkId),
  );
  app.post(
    '/networks/:networkId/fee-schedules',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: FeeScheduleCreateSchema, response: { 201: FeeScheduleSchema } },
    },
    async (req, reply) => reply.status(201).send(await fees.createFeeSchedule(req.ctx, req.params.networkId, req.body)),
  );
  app.get('/fee-schedules/:id', { schema: { tags, params: IdParams, response: { 200: FeeScheduleSchema } } }, (req) =>
    fees.getFeeSchedule(req.ctx, req.params.id),
  );
  app.patch(
    '/fee-schedules/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: FeeScheduleUpdateSchema, response: { 200: FeeScheduleSchema } },
    },
    (req) => fees.updateFeeSchedule(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/fee-schedules/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } },
    },
    async (req) => {
      await fees.deleteFeeSchedule(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/fee-schedules/:id/adopt',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: FeeScheduleAdoptSchema, response: { 200: FeeScheduleSchema } },
    },
    (req) => fees.adoptFeeSchedule(req.ctx, req.params.id, req.body),
  );
  app.get('/fee-schedules/:id/export', { schema: { tags, params: IdParams, querystring: TableQuery } }, async (req, reply) =>
    sendFile(reply, await exportFeeSchedule(req.ctx, req.params.id, req.query.format)),
  );

  // ---------- the yearly budget: lines, actual figures, the import of actuals and the export ----------
  // In a context of its own, so the raw-file parsers of the import stay here. Tagged «budget» for the field labels.
  await app.register(async (context) => {
    const api = context.withTypeProvider<ZodTypeProvider>();
    const ImportQuery = z.object({ fileName: z.string().max(200).optional() });
    addSpreadsheetParsers(context, ['text/csv', 'text/plain', XLSX_CONTENT_TYPE, 'application/octet-stream']);
    const tags = ['budget'];
    api.get(
      '/networks/:networkId/budgets',
      { schema: { tags, params: NetworkParams, response: { 200: z.array(BudgetSummarySchema) } } },
      (req) => budget.listBudgets(req.ctx, req.params.networkId),
    );
    api.post(
      '/networks/:networkId/budgets',
      {
        config: { access: 'network.administer' },
        schema: { tags, params: NetworkParams, body: BudgetCreateSchema, response: { 201: BudgetSchema } },
      },
      async (req, reply) => reply.status(201).send(await budget.createBudget(req.ctx, req.params.networkId, req.body)),
    );
    api.get('/budgets/:id', { schema: { tags, params: IdParams, response: { 200: BudgetSchema } } }, (req) =>
      budget.getBudget(req.ctx, req.params.id),
    );
    api.patch(
      '/budgets/:id',
      {
        config: { access: 'network.administer' },
        schema: { tags, params: IdParams, body: BudgetUpdateSchema, response: { 200: BudgetSchema } },
      },
      (req) => budget.updateBudget(req.ctx, req.params.id, req.body),
    );
    api.delete(
      '/budgets/:id',
      {
        config: { access: 'network.administer' },
        schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } },
      },
      async (req) => {
        await budget.deleteBudget(req.ctx, req.params.id, req.query.version);
        return { ok: true as const };
      },
    );
    api.post(
      '/budgets/:id/lines',
      {
        config: { access: 'network.administer' },
        schema: { tags, params: IdParams, body: BudgetLineCreateSchema, response: { 201: BudgetSchema } },
      },
      async (req, reply) => reply.status(201).send(await budget.createBudgetLine(req.ctx, req.params.id, req.body)),
    );
    api.patch(
      '/budget-lines/:id',
      {
        config: { access: 'network.administer' },
        schema: { tags, params: IdParams, body: BudgetLineUpdateSchema, response: { 200: BudgetSchema } },
      },
      (req) => budget.updateBudgetLine(req.ctx, req.params.id, req.body),
    );
    api.delete(
      '/budget-lines/:id',
      {
        config: { access: 'network.administer' },
        schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: BudgetSchema } },
      },
      (req) => budget.deleteBudgetLine(req.ctx, req.params.id, req.query.version),
    );
    api.get('/budget-lines/:id/actuals', { schema: { tags, params: IdParams, response: { 200: z.array(BudgetActualSchema) } } }, (req) =>
      budget.listLineActuals(req.ctx, req.params.id),
    );
    api.post(
      '/budget-lines/:id/actuals',
      {
        config: { access: 'network.administer' },
        schema: { tags, params: IdParams, body: BudgetActualCreateSchema, response: { 201: BudgetSchema } },
      },
      async (req, reply) => reply.status(201).send(await budget.createBudgetActual(req.ctx, req.params.id, req.body)),
    );
    api.delete(
      '/budget-actuals/:id',
      { config: { access: 'network.administer' }, schema: { tags, params: IdParams, response: { 200: BudgetSchema } } },
      (req) => budget.deleteBudgetActual(req.ctx, req.params.id),
    );
    // The file itself is the body (CSV or XLSX), its name in the query; 422 lists every bad row and nothing is saved.
    api.post(
      '/budgets/:id/actuals/import',
      {
        config: { access: 'network.administer' },
        schema: { tags, params: IdParams, querystring: ImportQuery, response: { 200: BudgetImportResultSchema } },
      },
      (req) => importBudgetActuals(req.ctx, req.params.id, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.query.fileName),
    );
    api.get('/budgets/:id/export', { schema: { tags, params: IdParams, querystring: TableQuery } }, async (req, reply) =>
      sendFile(reply, await exportBudget(req.ctx, req.params.id, req.query.format)),
    );
  });
  // ---------------------------------------------------------------- grants (tilskudd)
  // Tagged «grants»: field labels are looked up as «grants:x» (a grant's «year» is a budget year, not a fee year).
  const g = { tags: ['grants'] };
  const grant = { 200: GrantSchema };
  const created = { 201: GrantSchema };
  app.get('/networks/:networkId/grants', { schema: { ...g, params: NetworkParams, response: { 200: GrantListSchema } } }, (req) =>
    grants.listGrants(req.ctx, req.params.networkId),
  );
  app.post(
    '/networks/:networkId/grants',
    { config: { access: 'network.administer' }, schema: { ...g, params: NetworkParams, body: GrantCreateSchema, response: created } },
    async (req, reply) => reply.status(201).send(await grants.createGrant(req.ctx, req.params.networkId, req.body)),
  );
  app.get('/networks/:networkId/grants/export', { schema: { ...g, params: NetworkParams, querystring: TableQuery } }, async (req, reply) =>
    sendFile(reply, await exportGrants(req.ctx, req.params.networkId, req.query.format)),
  );
  app.get('/grants/:id', { schema: { ...g, params: IdParams, response: grant } }, (req) => grants.getGrant(req.ctx, req.params.id));
  app.patch(
    '/grants/:id',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, body: GrantUpdateSchema, response: grant } },
    (req) => grants.updateGrant(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/grants/:id',
    {
      config: { access: 'network.administer' },
      schema: { ...g, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } },
    },
    async (req) => {
      await grants.deleteGrant(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/grants/:id/allocations',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, body: GrantAllocationCreateSchema, response: created } },
    async (req, reply) => reply.status(201).send(await grants.addAllocation(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/grant-allocations/:id',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, body: GrantAllocationUpdateSchema, response: grant } },
    (req) => grants.updateAllocation(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/grant-allocations/:id',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, querystring: VersionQuery, response: grant } },
    (req) => grants.deleteAllocation(req.ctx, req.params.id, req.query.version),
  );
  app.post(
    '/grants/:id/expenses',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, body: GrantExpenseCreateSchema, response: created } },
    async (req, reply) => reply.status(201).send(await grants.addExpense(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/grant-expenses/:id',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, body: GrantExpenseUpdateSchema, response: grant } },
    (req) => grants.updateExpense(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/grant-expenses/:id',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, querystring: VersionQuery, response: grant } },
    (req) => grants.deleteExpense(req.ctx, req.params.id, req.query.version),
  );
  app.post(
    '/grants/:id/deadlines',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, body: GrantDeadlineCreateSchema, response: created } },
    async (req, reply) => reply.status(201).send(await grants.addDeadline(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/grant-deadlines/:id',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, body: GrantDeadlineUpdateSchema, response: grant } },
    (req) => grants.updateDeadline(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/grant-deadlines/:id',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, querystring: VersionQuery, response: grant } },
    (req) => grants.deleteDeadline(req.ctx, req.params.id, req.query.version),
  );
  app.post(
    '/grant-deadlines/:id/reported',
    { config: { access: 'network.administer' }, schema: { ...g, params: IdParams, body: GrantDeadlineReportedSchema, response: grant } },
    (req) => grants.markDeadlineReported(req.ctx, req.params.id, req.body),
  );
  app.get('/projects/:id/grants', { schema: { ...g, params: IdParams, response: { 200: z.array(ProjectGrantSchema) } } }, (req) =>
    grants.projectGrants(req.ctx, req.params.id),
  );

  // ---- the per-municipality statements and the network's overview of them
  app.get(
    '/networks/:networkId/finance/overview',
    { schema: { tags, params: NetworkParams, querystring: OverviewYearQuery, response: { 200: FinanceOverviewSchema } } },
    (req) => statements.financeOverview(req.ctx, req.params.networkId, req.query.year),
  );
  app.get(
    '/networks/:networkId/finance/overview/export',
    { schema: { tags, params: NetworkParams, querystring: StatementYearQuery.extend(TableQuery.shape) } },
    async (req, reply) => {
      const overview = await statements.financeOverview(req.ctx, req.params.networkId, req.query.year);
      return sendFile(reply, await renderOverviewTable(overview, req.ctx.language, req.query.format));
    },
  );
  app.get(
    '/networks/:networkId/finance/statements/:municipalityNumber',
    { schema: { tags, params: StatementParams, querystring: StatementYearQuery, response: { 200: MunicipalityStatementSchema } } },
    (req) => statements.municipalityStatement(req.ctx, req.params.networkId, req.params.municipalityNumber, req.query.year),
  );
  app.get(
    '/networks/:networkId/finance/statements/:municipalityNumber/pdf',
    { schema: { tags, params: StatementParams, querystring: StatementYearQuery } },
    async (req, reply) =>
      sendFile(
        reply,
        await renderStatementPdf(
          await statements.municipalityStatement(req.ctx, req.params.networkId, req.params.municipalityNumber, req.query.year),
        ),
      ),
  );
  await app.register(ownEffortRoutes);
};

// ---------------------------------------------------------------- own effort (egeninnsats)

/** Labels scoped to «ownEffort» first, so «year» here is «År», not the fee schedules' «Kontingentår». */
const ownEffortTags = ['ownEffort', 'finance'];
const EffortYearParams = NetworkParams.extend({ year: z.coerce.number().int().min(2000).max(2100) });
/** An import is the CSV or XLSX file itself as the request body. */
const IMPORT_CONTENT_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];
const fileOf = (body: unknown) => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

/**
 * Own effort: the year's hourly rate, the entries (read, registered, changed, deleted, imported, exported), the year's
 * summary and a project's own effort. In their own scope, so the file parsers apply to the import only.
 */
const ownEffortRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ownEffortTags;
  addSpreadsheetParsers(app, IMPORT_CONTENT_TYPES);
  app.get(
    '/networks/:networkId/own-effort/rates/:year',
    { schema: { tags, params: EffortYearParams, response: { 200: RateSchema } } },
    (req) => ownEffort.getRate(req.ctx, req.params.networkId, req.params.year),
  );
  app.put(
    '/networks/:networkId/own-effort/rates/:year',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: EffortYearParams, body: RateInputSchema, response: { 200: RateSchema } },
    },
    (req) => ownEffort.setRate(req.ctx, req.params.networkId, req.params.year, req.body),
  );
  app.get(
    '/networks/:networkId/own-effort/entries',
    { schema: { tags, params: NetworkParams, querystring: EntryListQuery, response: { 200: EntryListSchema } } },
    (req) => ownEffort.listEntries(req.ctx, req.params.networkId, req.query),
  );
  app.get(
    '/networks/:networkId/own-effort/entries/export',
    { schema: { tags, params: NetworkParams, querystring: EntryListQuery.extend(TableQuery.shape) } },
    async (req, reply) => {
      const { format, ...query } = req.query;
      return sendFile(reply, await exportEntries(req.ctx, req.params.networkId, query, format));
    },
  );
  app.post(
    '/networks/:networkId/own-effort/entries',
    {
      config: { access: 'memberData.write' },
      schema: { tags, params: NetworkParams, body: EntryCreateSchema, response: { 201: EntrySchema } },
    },
    async (req, reply) => reply.status(201).send(await ownEffort.createEntry(req.ctx, req.params.networkId, req.body)),
  );
  app.patch(
    '/own-effort-entries/:id',
    { config: { access: 'memberData.write' }, schema: { tags, params: IdParams, body: EntryUpdateSchema, response: { 200: EntrySchema } } },
    (req) => ownEffort.updateEntry(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/own-effort-entries/:id',
    { config: { access: 'memberData.write' }, schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } } },
    async (req) => {
      await ownEffort.deleteEntry(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/networks/:networkId/own-effort/import',
    {
      config: { access: 'ownEffort.import' },
      schema: {
        tags,
        params: NetworkParams,
        querystring: z.object({ fileName: z.string().max(200).optional() }),
        response: { 200: OwnEffortImportResultSchema },
      },
    },
    (req) => ownEffort.importEntries(req.ctx, req.params.networkId, fileOf(req.body)),
  );
  app.get(
    '/networks/:networkId/own-effort/summary',
    { schema: { tags, params: NetworkParams, querystring: YearQuery, response: { 200: SummarySchema } } },
    (req) => ownEffort.getSummary(req.ctx, req.params.networkId, req.query.year),
  );
  app.get(
    '/networks/:networkId/own-effort/summary/export',
    { schema: { tags, params: NetworkParams, querystring: YearQuery.extend(TableQuery.shape) } },
    async (req, reply) => sendFile(reply, await exportSummary(req.ctx, req.params.networkId, req.query.year, req.query.format)),
  );
  app.get('/networks/:networkId/own-effort/options', { schema: { tags, params: NetworkParams, response: { 200: OptionsSchema } } }, (req) =>
    ownEffort.getOptions(req.ctx, req.params.networkId),
  );
  app.get('/projects/:id/own-effort', { schema: { tags, params: IdParams, response: { 200: ProjectOwnEffortSchema } } }, (req) =>
    ownEffort.projectOwnEffort(req.ctx, req.params.id),
  );
  await app.register(capacityRoutes);
};

const CommitmentParams = EffortYearParams.extend({ municipalityNumber: MunicipalityNumber });

/** Capacity: planned hours per project, municipality and month, each member's commitment for a year, and the view. */
const capacityRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ownEffortTags;
  app.get(
    '/networks/:networkId/own-effort/plans',
    { schema: { tags, params: NetworkParams, querystring: PlanListQuery, response: { 200: PlanListSchema } } },
    (req) => capacity.listPlans(req.ctx, req.params.networkId, req.query),
  );
  app.post(
    '/networks/:networkId/own-effort/plans',
    {
      config: { access: 'memberData.write' },
      schema: { tags, params: NetworkParams, body: PlanCreateSchema, response: { 201: PlanSchema } },
    },
    async (req, reply) => reply.status(201).send(await capacity.createPlan(req.ctx, req.params.networkId, req.body)),
  );
  app.patch(
    '/own-effort-plans/:id',
    { config: { access: 'memberData.write' }, schema: { tags, params: IdParams, body: PlanUpdateSchema, response: { 200: PlanSchema } } },
    (req) => capacity.updatePlan(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/own-effort-plans/:id',
    { config: { access: 'memberData.write' }, schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } } },
    async (req) => {
      await capacity.deletePlan(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.put(
    '/networks/:networkId/own-effort/commitments/:year/:municipalityNumber',
    {
      config: { access: 'memberData.write' },
      schema: { tags, params: CommitmentParams, body: CommitmentInputSchema, response: { 200: CommitmentSchema } },
    },
    (req) => capacity.setCommitment(req.ctx, req.params.networkId, req.params.year, req.params.municipalityNumber, req.body),
  );
  app.get(
    '/networks/:networkId/own-effort/capacity',
    { schema: { tags, params: NetworkParams, querystring: CapacityQuery, response: { 200: CapacitySchema } } },
    (req) => capacity.getCapacity(req.ctx, req.params.networkId, req.query.year),
  );
  app.get(
    '/networks/:networkId/own-effort/capacity/export',
    { schema: { tags, params: NetworkParams, querystring: CapacityQuery.extend(TableQuery.shape) } },
    async (req, reply) => sendFile(reply, await exportCapacity(req.ctx, req.params.networkId, req.query.year, req.query.format)),
  );
  app.get(
    '/municipalities/:number/own-effort/capacity',
    {
      schema: {
        tags,
        params: z.object({ number: MunicipalityNumber }),
        querystring: CapacityQuery,
        response: { 200: MunicipalityCapacitySchema },
      },
    },
    (req) => capacity.municipalityCapacity(req.ctx, req.params.number, req.query.year),
  );
};
