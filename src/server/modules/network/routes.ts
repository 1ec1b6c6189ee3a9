import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, NetworkParams, Version } from '../../../shared/common.ts';
import {
  BodyCreateSchema,
  BodyMembershipCreateSchema,
  BodyMembershipUpdateSchema,
  BodySchema,
  BodySummarySchema,
  BodyUpdateSchema,
  CompetenceCountSchema,
  MemberCreateSchema,
  MemberUpdateSchema,
  MunicipalityDetailSchema,
  MunicipalityListQuery,
  MunicipalitySchema,
  MunicipalityUpdateSchema,
  NetworkCreateSchema,
  NetworkMemberSchema,
  NetworkOverviewSchema,
  NetworkSummarySchema,
  NetworkUpdateSchema,
  PeoplePageSchema,
  PeopleQuery,
  PersonCreateSchema,
  PersonSchema,
  PersonUpdateSchema,
} from '../../../shared/network/schema.ts';
import * as service from './service.ts';
import { preparedNetworkOverview } from './overview-cache.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import { sendPrepared } from '../../prepared-answers.ts';

const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).default('xlsx') });

const MunicipalityParams = z.object({ number: z.string().regex(/^\d{4}$/) });
const PUBLIC = { public: true };
const tags = ['network'];

export const networkRoutes: FastifyPluginAsyncZod = async (app) => {
  // municipalities
  app.get(
    '/municipalities',
    { config: PUBLIC, schema: { tags, querystring: MunicipalityListQuery, response: { 200: z.array(MunicipalitySchema) } } },
    (req) => service.listMunicipalities(req.ctx, req.query),
  );
  app.get(
    '/municipalities/:number',
    { config: PUBLIC, schema: { tags, params: MunicipalityParams, response: { 200: MunicipalityDetailSchema } } },
    (req) => service.getMunicipality(req.ctx, req.params.number),
  );
  app.patch(
    '/municipalities/:number',
    {
      config: { access: 'municipality.edit' },
      schema: { tags, params: MunicipalityParams, body: MunicipalityUpdateSchema, response: { 200: MunicipalitySchema } },
    },
    (req) => service.updateMunicipality(req.ctx, req.params.number, req.body),
  );

  // networks
  app.get('/networks', { config: PUBLIC, schema: { tags, response: { 200: z.array(NetworkSummarySchema) } } }, (req) =>
    service.listNetworks(req.ctx),
  );
  app.post(
    '/networks',
    { config: { access: 'network.create' }, schema: { tags, body: NetworkCreateSchema, response: { 201: NetworkOverviewSchema } } },
    async (req, reply) => reply.status(201).send(await service.createNetwork(req.ctx, req.body)),
  );
  // Sent as prepared JSON and gzip (see overview-cache.ts), which Fastify passes through; the schema documents it.
  app.get(
    '/networks/:networkId',
    { config: PUBLIC, schema: { tags, params: NetworkParams, response: { 200: NetworkOverviewSchema } } },
    async (req, reply) => sendPrepared(req, reply, await preparedNetworkOverview(req.ctx, req.params.networkId)),
  );
  app.patch(
    '/networks/:networkId',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: NetworkUpdateSchema, response: { 200: NetworkOverviewSchema } },
    },
    (req) => service.updateNetwork(req.ctx, req.params.networkId, req.body),
  );

  // members
  app.get(
    '/networks/:networkId/members/export',
    { config: PUBLIC, schema: { tags, params: NetworkParams, querystring: ExportQuery } },
    async (req, reply) => sendFile(reply, await service.exportMembers(req.ctx, req.params.networkId, req.query.format)),
  );
  app.post(
    '/networks/:networkId/members',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: MemberCreateSchema, response: { 201: NetworkMemberSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.addMember(req.ctx, req.params.networkId, req.body)),
  );
  app.patch(
    '/network-members/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: MemberUpdateSchema, response: { 200: NetworkMemberSchema } },
    },
    (req) => service.updateMember(req.ctx, req.params.id, req.body),
  );

  // people
  app.get(
    '/networks/:networkId/people',
    { schema: { tags, params: NetworkParams, querystring: PeopleQuery, response: { 200: PeoplePageSchema } } },
    async (req, reply) => sendPrepared(req, reply, await service.searchPeople(req.ctx, req.params.networkId, req.query)),
  );
  app.get(
    '/networks/:networkId/people/export',
    { schema: { tags, params: NetworkParams, querystring: PeopleQuery.omit({ limit: true, offset: true }).extend(ExportQuery.shape) } },
    async (req, reply) => {
      const { format, ...query } = req.query;
      return sendFile(reply, await service.exportPeople(req.ctx, req.params.networkId, query, format));
    },
  );
  app.get(
    '/networks/:networkId/competences',
    { schema: { tags, params: NetworkParams, response: { 200: z.array(CompetenceCountSchema) } } },
    (req) => service.listCompetences(req.ctx, req.params.networkId),
  );
  app.post(
    '/people',
    { config: { access: 'memberData.write' }, schema: { tags, body: PersonCreateSchema, response: { 201: PersonSchema } } },
    async (req, reply) => reply.status(201).send(await service.createPerson(req.ctx, req.body)),
  );
  app.get('/people/:id', { schema: { tags, params: IdParams, response: { 200: PersonSchema } } }, (req) =>
    service.getPerson(req.ctx, req.params.id),
  );
  app.patch(
    '/people/:id',
    { config: { access: 'person.edit' }, schema: { tags, params: IdParams, body: PersonUpdateSchema, response: { 200: PersonSchema } } },
    (req) => service.updatePerson(req.ctx, req.params.id, req.body),
  );

  // bodies
  app.get(
    '/networks/:networkId/bodies',
    { config: PUBLIC, schema: { tags, params: NetworkParams, response: { 200: z.array(BodySummarySchema) } } },
    (req) => service.listBodies(req.ctx, req.params.networkId),
  );
  app.post(
    '/networks/:networkId/bodies',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: BodyCreateSchema, response: { 201: BodySchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createBody(req.ctx, req.params.networkId, req.body)),
  );
  app.get('/bodies/:id', { config: PUBLIC, schema: { tags, params: IdParams, response: { 200: BodySchema } } }, (req) =>
    service.getBody(req.ctx, req.params.id),
  );
  app.patch(
    '/bodies/:id',
    { config: { access: 'network.administer' }, schema: { tags, params: IdParams, body: BodyUpdateSchema, response: { 200: BodySchema } } },
    (req) => service.updateBody(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/bodies/:id/memberships',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: BodyMembershipCreateSchema, response: { 201: BodySchema } },
    },
    async (req, reply) => reply.status(201).send(await service.addBodyMembership(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/body-memberships/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: BodyMembershipUpdateSchema, response: { 200: BodySchema } },
    },
    (req) => service.updateBodyMembership(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/body-memberships/:id',
    {
      config: { access: 'network.administer' },
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ version: z.coerce.number().pipe(Version) }),
        response: { 200: BodySchema },
      },
    },
    (req) => service.deleteBodyMembership(req.ctx, req.params.id, req.query.version),
  );
};
