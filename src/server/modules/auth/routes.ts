import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AuthConfigSchema,
  ChangePasswordSchema,
  CurrentUserSchema,
  InvitationAcceptSchema,
  InvitationCreatedSchema,
  InvitationCreateSchema,
  LoginSchema,
  OutboxMessageSchema,
  PasswordResetCompleteSchema,
  PasswordResetRequestSchema,
  PreferencesSchema,
  RoleAssignmentInputSchema,
  UserSummarySchema,
  type AuthConfig,
} from '../../../shared/auth/schema.ts';
import { OkSchema } from '../../../shared/common.ts';
import { clearSessionCookie, LANGUAGE_COOKIE, setSessionCookie } from '../../plugins/auth.ts';
import { listOutbox, resendOutboxMessage } from '../mail/index.ts';
import * as service from './service.ts';
import { deleteSession, loadSession } from './sessions.ts';
import type { RequestContext } from '../../context.ts';

export interface AuthRoutesOptions {
  authConfig: AuthConfig;
}

const PUBLIC = { public: true };
const tags = ['auth'];
const UserParams = z.object({ userId: z.uuid() });
const TokenParams = z.object({ token: z.string().min(10).max(200) });
const InvitedSchema = z.object({ email: z.string(), name: z.string() });

/**
 * Ten logins a minute for one account from one address. Counted per account as well as per address: a
 * municipality's staff behind one address all log in at nine, and guessing one account's password stays as slow.
 * Counted after the body is read (preHandler), where the account is known.
 */
const LOGIN_RATE_LIMIT = {
  max: 10,
  timeWindow: '1 minute',
  hook: 'preHandler',
  // The body has passed LoginSchema by then.
  keyGenerator: (req: FastifyRequest) => `${req.ip} ${(req.body as { email: string }).email.toLowerCase()}`,
} as const;

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, options) => {
  app.get('/auth/config', { config: PUBLIC, schema: { tags, response: { 200: AuthConfigSchema } } }, () => options.authConfig);

  app.get('/auth/me', { config: PUBLIC, schema: { tags, response: { 200: CurrentUserSchema } } }, async (req) => {
    return service.currentUser(req.ctx, req.sessionCsrfToken);
  });

  app.post(
    '/auth/login',
    {
      config: { ...PUBLIC, access: 'public', rateLimit: LOGIN_RATE_LIMIT },
      schema: { tags, body: LoginSchema, response: { 200: CurrentUserSchema } },
    },
    async (req, reply) => {
      const session = await service.login(req.ctx, req.body);
      setSessionCookie(reply, session.token, session.expiresAt);
      return { ...(await meAfterLogin(req, session.token)), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { config: { ...PUBLIC, access: 'public' }, schema: { tags, response: { 200: OkSchema } } },
    async (req, reply) => {
      if (req.sessionToken) await deleteSession(req.ctx.db, req.sessionToken);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password',
    { config: { access: 'account' }, schema: { tags, body: ChangePasswordSchema, response: { 200: OkSchema } } },
    async (req) => {
      await service.changePassword(req.ctx, req.body, req.sessionToken);
      return { ok: true as const };
    },
  );

  /** The language choice is kept on the account, and in a cookie for visitors without one. */
  app.put(
    '/auth/preferences',
    { config: { ...PUBLIC, access: 'public' }, schema: { tags, body: PreferencesSchema, response: { 200: OkSchema } } },
    async (req, reply) => {
      if (req.ctx.user) await service.setLanguage(req.ctx, req.body.language);
      reply.setCookie(LANGUAGE_COOKIE, req.body.language, { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
      return { ok: true as const };
    },
  );

  // personal links from e-mails, each used once: no login, the token is the key
  app.get('/invitations/:token', { config: PUBLIC, schema: { tags, params: TokenParams, response: { 200: InvitedSchema } } }, (req) =>
    service.getInvitation(req.ctx, req.params.token),
  );
  app.post(
    '/invitations/:token/accept',
    {
      config: { ...PUBLIC, access: 'personalLink', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, params: TokenParams, body: InvitationAcceptSchema, response: { 200: CurrentUserSchema } },
    },
    async (req, reply) => {
      const session = await service.acceptInvitation(req.ctx, req.params.token, req.body.password);
      setSessionCookie(reply, session.token, session.expiresAt);
      return { ...(await meAfterLogin(req, session.token)), csrfToken: session.csrfToken };
    },
  );

  /** Always the same answer, whether the address has an account or not. */
  app.post(
    '/auth/password-reset',
    {
      config: { ...PUBLIC, access: 'public', rateLimit: { max: 5, timeWindow: '15 minutes' } },
      schema: { tags, body: PasswordResetRequestSchema, response: { 202: OkSchema } },
    },
    async (req, reply) => {
      await service.requestPasswordReset(req.ctx, req.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );
  app.get('/password-resets/:token', { config: PUBLIC, schema: { tags, params: TokenParams, response: { 200: InvitedSchema } } }, (req) =>
    service.getPasswordReset(req.ctx, req.params.token),
  );
  app.post(
    '/password-resets/:token/accept',
    {
      config: { ...PUBLIC, access: 'personalLink', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, params: TokenParams, body: PasswordResetCompleteSchema, response: { 200: CurrentUserSchema } },
    },
    async (req, reply) => {
      const session = await service.completePasswordReset(req.ctx, req.params.token, req.body.password);
      setSessionCookie(reply, session.token, session.expiresAt);
      return { ...(await meAfterLogin(req, session.token)), csrfToken: session.csrfToken };
    },
  );

  // administration
  const adminTags = ['administration'];
  app.get('/admin/users', { schema: { tags: adminTags, response: { 200: z.array(UserSummarySchema) } } }, (req) =>
    service.listUsers(req.ctx),
  );
  app.post(
    '/admin/invitations',
    {
      config: { access: 'role.grant' },
      schema: { tags: adminTags, body: InvitationCreateSchema, response: { 201: InvitationCreatedSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.inviteUser(req.ctx, req.body)),
  );
  app.post(
    '/admin/users/:userId/roles',
    {
      config: { access: 'role.grant' },
      schema: { tags: adminTags, params: UserParams, body: RoleAssignmentInputSchema, response: { 201: UserSummarySchema } },
    },
    async (req, reply) => reply.status(201).send(await service.grantRole(req.ctx, req.params.userId, req.body)),
  );
  app.delete(
    '/admin/users/:userId/roles/:roleId',
    {
      config: { access: ['user.manage', 'role.grant'] },
      schema: { tags: adminTags, params: UserParams.extend({ roleId: z.uuid() }), response: { 200: UserSummarySchema } },
    },
    (req) => service.revokeRole(req.ctx, req.params.userId, req.params.roleId),
  );
  app.get('/admin/outbox', { schema: { tags: adminTags, response: { 200: z.array(OutboxMessageSchema) } } }, async (req) =>
    listOutbox(req.ctx.db, await service.administrationScope(req.ctx)),
  );
  /** Sends a message again with fresh personal links; whoever may read the outbox may resend from it. */
  app.post(
    '/admin/outbox/:messageId/resend',
    {
      config: { access: 'outbox.resend', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: adminTags, params: z.object({ messageId: z.uuid() }), response: { 202: OkSchema } },
    },
    async (req, reply) => {
      await resendOutboxMessage(req.ctx, req.params.messageId, await service.administrationScope(req.ctx));
      return reply.status(202).send({ ok: true as const });
    },
  );
};

/** The user just logged in is not yet in the request context; read them as the new session sees them. */
async function meAfterLogin(req: { ctx: RequestContext }, token: string) {
  const session = await loadSession(req.ctx.db, token);
  if (!session) return { user: null, csrfToken: null };
  return service.currentUser({ ...req.ctx, user: session.user, roles: session.roles }, session.csrfToken);
}
