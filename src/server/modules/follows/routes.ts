import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, OkSchema } from '../../../shared/common.ts';
import {
  FollowChangesSchema,
  FollowCreateSchema,
  FollowLookupQuery,
  FollowSchema,
  FollowStateSchema,
  UnfollowSchema,
  SavedSearch,
  SubscribeSchema,
  UnsubscribeAnswerSchema,
  type FollowTargetInput,
} from '../../../shared/follows/schema.ts';
import { invalidField } from '../../errors.ts';
import { searchFeed, targetFeed } from './feeds.ts';
import { confirmSubscription, createFollow, findFollow, followChanges, listFollows, subscribe, unsubscribe, unfollow } from './service.ts';

const tags = ['follows'];
const PUBLIC = { public: true };
const TokenParams = z.object({ token: z.string().min(20).max(200) });
const ATOM = 'application/atom+xml; charset=utf-8';

/** Following and being told: an account's follows, residents' subscriptions, unsubscribing without login, Atom feeds. */
export const followRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, { publicUrl }) => {
  app.get('/me/follows', { schema: { tags, response: { 200: z.array(FollowSchema) } } }, (req) => listFollows(req.ctx));
  app.get('/me/follows/changes', { schema: { tags, response: { 200: FollowChangesSchema } } }, (req) => followChanges(req.ctx));
  app.get('/me/follows/lookup', { schema: { tags, querystring: FollowLookupQuery, response: { 200: FollowStateSchema } } }, async (req) => {
    const { kind, id, q, network, body } = req.query;
    let target: FollowTargetInput;
    if (kind === 'search') {
      if (!q) throw invalidField('q', 'required');
      target = { kind, search: { q, network, body } };
    } else {
      if (!id) throw invalidField('id', 'required');
      target = { kind, id };
    }
    return { follow: await findFollow(req.ctx, target) };
  });
  app.post(
    '/me/follows',
    { config: { access: 'account' }, schema: { tags, body: FollowCreateSchema, response: { 201: FollowSchema } } },
    async (req, reply) => reply.code(201).send(await createFollow(req.ctx, req.body)),
  );
  app.post(
    '/me/follows/unfollow',
    { config: { access: 'account' }, schema: { tags, body: UnfollowSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await unfollow(req.ctx, req.body.target);
      return reply.code(204).send(null);
    },
  );

  // Residents: only an e-mail address. The answer is the same whether the address was new, pending or confirmed.
  app.post(
    '/public/follows',
    {
      config: { ...PUBLIC, access: 'public', rateLimit: { max: 10, timeWindow: '1 hour' } },
      schema: { tags, body: SubscribeSchema, response: { 202: OkSchema } },
    },
    async (req, reply) => {
      await subscribe(req.ctx, req.body, publicUrl);
      return reply.code(202).send({ ok: true });
    },
  );
  app.post(
    '/follows/confirm/:token',
    {
      config: { ...PUBLIC, access: 'personalLink', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, params: TokenParams, response: { 200: UnsubscribeAnswerSchema } },
    },
    (req) => confirmSubscription(req.ctx, req.params.token),
  );
  app.post(
    '/follows/unsubscribe/:token',
    {
      config: { ...PUBLIC, access: 'personalLink', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, params: TokenParams, response: { 200: UnsubscribeAnswerSchema } },
    },
    (req) => unsubscribe(req.ctx, req.params.token),
  );

  app.get('/public/feeds/bodies/:id', { config: PUBLIC, schema: { tags, params: IdParams } }, async (req, reply) =>
    reply.type(ATOM).send(await targetFeed(req.ctx, 'body', req.params.id, publicUrl)),
  );
  app.get('/public/feeds/projects/:id', { config: PUBLIC, schema: { tags, params: IdParams } }, async (req, reply) =>
    reply.type(ATOM).send(await targetFeed(req.ctx, 'project', req.params.id, publicUrl)),
  );
  app.get('/public/feeds/decisions', { config: PUBLIC, schema: { tags, querystring: SavedSearch } }, async (req, reply) =>
    reply.type(ATOM).send(await searchFeed(req.ctx, req.query, publicUrl)),
  );
};

/**
 * The one-click unsubscribe of RFC 8058 at the link's own address (`/avmeld/<token>`, outside /api): a mail client
 * POSTs `List-Unsubscribe=One-Click` there without login. A GET of the same address is the web page with a button, so
 * a mail scanner that opens links unsubscribes no one.
 */
export const oneClickUnsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  // Whatever the body is (form-encoded, multipart or none), it says nothing the token does not.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 4096 }, (_req, _body, done) => done(null, null));
  app.post(
    '/avmeld/:token',
    // Not an API route: kept out of the API documentation (the API's own is POST /api/follows/unsubscribe/:token).
    { config: { ...PUBLIC, rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { hide: true, params: TokenParams } },
    async (req, reply) => {
      await unsubscribe(req.ctx, req.params.token);
      return reply.type('text/plain; charset=utf-8').send('OK');
    },
  );
};
