import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, NetworkParams, OkSchema, Version } from '../../../shared/common.ts';
import {
  AdoptionInputSchema,
  AdoptionSchema,
  ApplicationCreateSchema,
  ApplicationSchema,
  ApplicationUpdateSchema,
  ImportResultSchema,
  MunicipalityMappingSchema,
  ProductInputSchema,
  ProductListQuery,
  ProductMergeSchema,
  ProductSchema,
  ProductUpdateSchema,
  SharedSolutionSchema,
} from '../../../shared/mapping/schema.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import { addSpreadsheetParsers } from '../spreadsheets/index.ts';
import * as catalog from './catalog.ts';
import * as applications from './applications.ts';
import * as adoptions from './adoptions.ts';
import * as spreadsheet from './spreadsheet.ts';

const tags = ['mapping'];
const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).default('xlsx') });
const MunicipalityParams = z.object({ number: z.string().regex(/^\d{4}$/) });
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
/** An import is the XLSX file itself as the request body; its name may come in the query. */
const ImportQuery = z.object({ fileName: z.string().max(200).optional() });

const fileOf = (body: unknown) => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

/** The application catalog, each municipality's applications and adoption, and the mapping spreadsheets. */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  addSpreadsheetParsers(app, [spreadsheet.XLSX_CONTENT_TYPE, 'application/octet-stream']);

  // product catalog
  app.get('/mapping/products', { schema: { tags, querystring: ProductListQuery, response: { 200: z.array(ProductSchema) } } }, (req) =>
    catalog.listProducts(req.ctx, req.query),
  );
  app.get('/mapping/products/export', { schema: { tags, querystring: ProductListQuery.extend(ExportQuery.shape) } }, async (req, reply) => {
    const { format, ...query } = req.query;
    return sendFile(reply, await catalog.exportProducts(req.ctx, query, format));
  });
  app.post(
    '/mapping/products',
    { config: { access: 'catalog.addProduct' }, schema: { tags, body: ProductInputSchema, response: { 201: ProductSchema } } },
    async (req, reply) => reply.status(201).send(await catalog.createProduct(req.ctx, req.body)),
  );
  app.get('/mapping/products/:id', { schema: { tags, params: IdParams, response: { 200: ProductSchema } } }, (req) =>
    catalog.getProduct(req.ctx, req.params.id),
  );
  app.patch(
    '/mapping/products/:id',
    {
      config: { access: 'catalog.curate' },
      schema: { tags, params: IdParams, body: ProductUpdateSchema, response: { 200: ProductSchema } },
    },
    (req) => catalog.updateProduct(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/mapping/products/:id/merge',
    {
      config: { access: 'catalog.curate' },
      schema: { tags, params: IdParams, body: ProductMergeSchema, response: { 200: ProductSchema } },
    },
    (req) => catalog.mergeProduct(req.ctx, req.params.id, req.body.intoId, req.body.version),
  );
  app.get('/mapping/shared-solutions', { schema: { tags, response: { 200: z.array(SharedSolutionSchema) } } }, (req) =>
    catalog.listSharedSolutions(req.ctx),
  );

  // a municipality's applications and adoption
  app.get(
    '/municipalities/:number/mapping',
    { schema: { tags, params: MunicipalityParams, response: { 200: MunicipalityMappingSchema } } },
    (req) => applications.getMunicipalityMapping(req.ctx, req.params.number),
  );
  app.post(
    '/municipalities/:number/applications',
    {
      config: { access: 'mapping.write' },
      schema: { tags, params: MunicipalityParams, body: ApplicationCreateSchema, response: { 201: ApplicationSchema } },
    },
    async (req, reply) => reply.status(201).send(await applications.createApplication(req.ctx, req.params.number, req.body)),
  );
  app.get(
    '/municipalities/:number/applications/export',
    { schema: { tags, params: MunicipalityParams, querystring: ExportQuery } },
    async (req, reply) => sendFile(reply, await applications.exportApplications(req.ctx, req.params.number, req.query.format)),
  );
  app.patch(
    '/applications/:id',
    {
      config: { access: 'mapping.write' },
      schema: { tags, params: IdParams, body: ApplicationUpdateSchema, response: { 200: ApplicationSchema } },
    },
    (req) => applications.updateApplication(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/applications/:id',
    { config: { access: 'mapping.write' }, schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } } },
    async (req) => {
      await applications.deleteApplication(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.put(
    '/municipalities/:number/adoptions/:solutionKey',
    {
      config: { access: 'mapping.write' },
      schema: {
        tags,
        params: MunicipalityParams.extend({ solutionKey: z.string().min(1).max(60) }),
        body: AdoptionInputSchema,
        response: { 200: AdoptionSchema },
      },
    },
    (req) => adoptions.setAdoption(req.ctx, req.params.number, req.params.solutionKey, req.body),
  );
  app.get(
    '/municipalities/:number/adoptions/export',
    { schema: { tags, params: MunicipalityParams, querystring: ExportQuery } },
    async (req, reply) => sendFile(reply, await adoptions.exportAdoptions(req.ctx, req.params.number, req.query.format)),
  );

  // spreadsheets
  app.get('/municipalities/:number/mapping/template', { schema: { tags, params: MunicipalityParams } }, async (req, reply) =>
    sendFile(reply, await spreadsheet.municipalityTemplate(req.ctx, req.params.number)),
  );
  app.get('/networks/:networkId/mapping/template', { schema: { tags, params: NetworkParams } }, async (req, reply) =>
    sendFile(reply, await spreadsheet.networkTemplate(req.ctx, req.params.networkId)),
  );
  app.post(
    '/municipalities/:number/mapping/import',
    {
      config: { access: 'mapping.write' },
      schema: { tags, params: MunicipalityParams, querystring: ImportQuery, response: { 200: ImportResultSchema } },
    },
    (req) => spreadsheet.importForMunicipality(req.ctx, req.params.number, fileOf(req.body)),
  );
  app.post(
    '/networks/:networkId/mapping/import',
    {
      config: { access: 'mapping.importForNetwork' },
      schema: { tags, params: NetworkParams, querystring: ImportQuery, response: { 200: ImportResultSchema } },
    },
    (req) => spreadsheet.importForNetwork(req.ctx, req.params.networkId, fileOf(req.body)),
  );
};
