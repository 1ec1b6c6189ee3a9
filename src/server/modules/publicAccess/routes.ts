import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/common.ts';
import {
  PublicBodyCalendarQuery,
  PublicBodyCalendarSchema,
  PublicMeetingSchema,
  PublicNetworkSchema,
  PublicSearchPageSchema,
  PublicSearchQuery,
} from '../../../shared/publicAccess/schema.ts';
import { sendPrepared } from '../../prepared-answers.ts';
import { sendFile } from '../documents/index.ts';
import { FROM_STORAGE, type FileStorage } from '../storage/index.ts';
import {
  oparlListSchema,
  OparlAgendaItemSchema,
  OparlBodySchema,
  OparlConsultationSchema,
  OparlFileSchema,
  OparlListQuery,
  OparlLocationSchema,
  OparlMeetingSchema,
  OparlMembershipSchema,
  OparlOrganizationSchema,
  OparlPaperSchema,
  OparlPersonSchema,
  OparlSystemSchema,
} from './oparl-schema.ts';
import { OparlUrls } from './oparl-presenter.ts';
import * as oparl from './oparl-service.ts';
import * as service from './service.ts';

export interface PublicRouteOptions {
  publicUrl: string;
  storage: FileStorage;
  /** Whether decision search answers are kept (SEARCH_CACHE); on unless a benchmark turns it off. */
  searchCache?: boolean;
}

const PUBLIC = { public: true };

/** Open data is for anyone, from any site: every answer allows cross-origin reads (OParl asks for it). */
function allowAnyOrigin(app: FastifyInstance) {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    return payload;
  });
}

/** The public pages' API under /api/public: no login, only what is published. */
export const publicRoutes: FastifyPluginAsyncZod<PublicRouteOptions> = async (app, options) => {
  const links = { publicUrl: options.publicUrl };
  const tags = ['publicAccess'];
  allowAnyOrigin(app);

  app.get('/public/networks', { config: PUBLIC, schema: { tags, response: { 200: z.array(PublicNetworkSchema) } } }, (req) =>
    service.listNetworks(req.ctx),
  );
  app.get(
    '/public/bodies/:id',
    {
      config: PUBLIC,
      schema: { tags, params: IdParams, querystring: PublicBodyCalendarQuery, response: { 200: PublicBodyCalendarSchema } },
    },
    (req) => service.getBodyCalendar(req.ctx, req.params.id, req.query.year, links),
  );
  app.get('/public/bodies/:id/calendar.ics', { config: PUBLIC, schema: { tags, params: IdParams } }, async (req, reply) => {
    const calendar = await service.renderBodyCalendar(req.ctx, req.params.id, links);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${calendar.fileName.replace(/[^\w.-]/g, '_')}"`)
      .send(calendar.body);
  });
  app.get('/public/meetings/:id', { config: PUBLIC, schema: { tags, params: IdParams, response: { 200: PublicMeetingSchema } } }, (req) =>
    service.getMeeting(req.ctx, req.params.id),
  );
  app.get(
    '/public/meetings/:id/minutes',
    {
      config: PUBLIC,
      schema: { tags, params: IdParams, querystring: z.object({ format: z.enum(['pdf', 'docx'], { error: 'choice' }).default('pdf') }) },
    },
    async (req, reply) => {
      const file = await service.getMinutesFile(req.ctx, req.params.id, req.query.format);
      return sendFile(reply, file);
    },
  );
  app.get('/public/documents/:id', { config: { ...PUBLIC, ...FROM_STORAGE }, schema: { tags, params: IdParams } }, async (req, reply) => {
    const { document, bytes } = await service.getDocumentFile(req.ctx, options.storage, req.params.id);
    return sendFile(reply, { body: bytes, fileName: document.fileName, contentType: document.contentType });
  });
  app.get(
    '/public/search',
    { config: PUBLIC, schema: { tags, querystring: PublicSearchQuery, response: { 200: PublicSearchPageSchema } } },
    (req) => service.search(req.ctx, req.query, options.searchCache ?? true),
  );
};

/**
 * The read-only OParl 1.1 API, registered under /api/oparl/v1. Ids are absolute URLs from the public
 * address; lists are paged (`page`, `limit`) and filtered (`created_since`, `modified_since` …).
 */
export const oparlRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, options) => {
  const urls = new OparlUrls(options.publicUrl);
  const tags = ['oparl'];
  const self = (url: string) => `${options.publicUrl}${url}`;
  allowAnyOrigin(app);

  app.get('/system', { config: PUBLIC, schema: { tags, response: { 200: OparlSystemSchema } } }, (req) => oparl.getSystem(req.ctx, urls));
  app.get(
    '/bodies',
    { config: PUBLIC, schema: { tags, querystring: OparlListQuery, response: { 200: oparlListSchema(OparlBodySchema) } } },
    (req) => oparl.listObjects(req.ctx, urls, 'bodies', {}, req.query, self(req.url)),
  );

  const single = [
    ['/bodies/:id', 'bodies', OparlBodySchema],
    ['/organizations/:id', 'organizations', OparlOrganizationSchema],
    ['/persons/:id', 'persons', OparlPersonSchema],
    ['/memberships/:id', 'memberships', OparlMembershipSchema],
    ['/meetings/:id', 'meetings', OparlMeetingSchema],
    ['/agenda-items/:id', 'agendaItems', OparlAgendaItemSchema],
    ['/papers/:id', 'papers', OparlPaperSchema],
    ['/consultations/:id', 'consultations', OparlConsultationSchema],
    ['/files/:id', 'files', OparlFileSchema],
  ] as const;
  for (const [path, kind, schema] of single) {
    app.get(
      path,
      { config: PUBLIC, schema: { tags, params: IdParams, response: { 200: schema } } },
      (req) => oparl.getObject(req.ctx, urls, kind, req.params.id) as never,
    );
  }

  // A network's (OParl Body's) lists.
  const lists = [
    ['organizations', 'organizations', OparlOrganizationSchema],
    ['persons', 'persons', OparlPersonSchema],
    ['memberships', 'memberships', OparlMembershipSchema],
    ['meetings', 'meetings', OparlMeetingSchema],
    ['agenda-items', 'agendaItems', OparlAgendaItemSchema],
    ['papers', 'papers', OparlPaperSchema],
    ['consultations', 'consultations', OparlConsultationSchema],
    ['files', 'files', OparlFileSchema],
  ] as const;
  for (const [path, kind, schema] of lists) {
    app.get(
      `/bodies/:id/${path}`,
      { config: PUBLIC, schema: { tags, params: IdParams, querystring: OparlListQuery, response: { 200: oparlListSchema(schema) } } },
      async (req, reply) =>
        sendPrepared(
          req,
          reply,
          await oparl.listObjectsPrepared(req.ctx, urls, kind, { networkId: req.params.id }, req.query, self(req.url)),
        ),
    );
  }
  app.get(
    '/organizations/:id/meetings',
    {
      config: PUBLIC,
      schema: { tags, params: IdParams, querystring: OparlListQuery, response: { 200: oparlListSchema(OparlMeetingSchema) } },
    },
    async (req, reply) =>
      sendPrepared(
        req,
        reply,
        await oparl.listObjectsPrepared(req.ctx, urls, 'meetings', { bodyId: req.params.id }, req.query, self(req.url)),
      ),
  );
  app.get('/meetings/:id/location', { config: PUBLIC, schema: { tags, params: IdParams, response: { 200: OparlLocationSchema } } }, (req) =>
    oparl.getLocation(req.ctx, urls, req.params.id),
  );
};
