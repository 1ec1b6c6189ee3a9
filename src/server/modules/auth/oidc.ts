import * as oidc from 'openid-client';
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OidcConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { oidcLogins, users } from '../../db/schema/index.ts';
import { setSessionCookie } from '../../plugins/auth.ts';
import { recordAudit } from '../audit/index.ts';
import { systemContext } from '../../context.ts';
import { startSession } from './service.ts';

const LOGIN_STATE_MINUTES = 10;

/**
 * Same-site paths only, so the login cannot be used to send people elsewhere. Parsed as a browser
 * would: "/\\evil.example" and "/\t/evil.example" are other sites to a browser, not paths.
 */
function safeReturnTo(value: string | undefined): string {
  if (!value?.startsWith('/')) return '/';
  const base = 'http://same.invalid';
  const url = new URL(value, base);
  return url.origin === base ? url.pathname + url.search + url.hash : '/';
}

const isLoopback = (url: URL) => url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/**
 * Single sign-on with any OpenID Connect provider (Entra ID, ID-porten, Ansattporten): authorization
 * code flow with PKCE, state and nonce. The first login links to the account with the same e-mail
 * address (the one an invitation made), or creates an account without roles.
 */
export const oidcRoutes: FastifyPluginAsyncZod<{ oidc: OidcConfig | null; publicUrl: string }> = async (app, options) => {
  const settings = options.oidc;
  if (!settings) return;
  const issuerUrl = new URL(settings.issuer);
  const redirectUri = `${options.publicUrl.replace(/\/$/, '')}/api/auth/oidc/callback`;
  let configuration: Promise<oidc.Configuration> | undefined;
  // Discovered on first use, so the app starts even while the provider is unreachable.
  const getConfiguration = () =>
    (configuration ??= oidc
      .discovery(
        issuerUrl,
        settings.clientId,
        settings.clientSecret,
        undefined,
        isLoopback(issuerUrl) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      }));

  app.get(
    '/auth/oidc/login',
    // Both wait on the identity provider (discovery, the token exchange): they must not hold a read's place meanwhile.
    {
      config: { public: true, unqueued: true },
      schema: { tags: ['auth'], querystring: z.object({ returnTo: z.string().max(500).optional() }) },
    },
    async (req, reply) => {
      const config = await getConfiguration();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      await req.ctx.db.delete(oidcLogins).where(lt(oidcLogins.createdAt, new Date(Date.now() - LOGIN_STATE_MINUTES * 60_000)));
      await req.ctx.db.insert(oidcLogins).values({ state, nonce, codeVerifier, returnTo: safeReturnTo(req.query.returnTo) });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return reply.redirect(url.href);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { public: true, unqueued: true },
      schema: { tags: ['auth'], querystring: z.object({ state: z.string().max(200).optional() }).passthrough() },
    },
    async (req, reply) => {
      const state = req.query.state ?? '';
      const [login] = await req.ctx.db.delete(oidcLogins).where(eq(oidcLogins.state, state)).returning();
      if (!login || login.createdAt.getTime() < Date.now() - LOGIN_STATE_MINUTES * 60_000) return reply.redirect('/logg-inn?feil=oidc');
      try {
        const config = await getConfiguration();
        const callbackUrl = new URL(req.url, options.publicUrl);
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: login.codeVerifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token');
        // In the code flow a conforming provider may keep e-mail and name to the userinfo endpoint (OIDC Core 5.4).
        const claims =
          typeof idClaims.email === 'string' || typeof idClaims.preferred_username === 'string'
            ? idClaims
            : { ...(await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
        // An address the provider says it has not verified never links to an existing account.
        const trusted = claims.email_verified !== false;
        const email = !trusted
          ? null
          : typeof claims.email === 'string'
            ? claims.email.toLowerCase()
            : typeof claims.preferred_username === 'string'
              ? claims.preferred_username.toLowerCase()
              : null;
        const name = typeof claims.name === 'string' ? claims.name : (email ?? claims.sub);
        const userId = await linkUser(req.ctx.db, claims.iss, claims.sub, email, name);
        if (!userId) return reply.redirect('/logg-inn?feil=deaktivert');
        const session = await startSession(req.ctx.db, userId);
        setSessionCookie(reply, session.token, session.expiresAt);
        return reply.redirect(login.returnTo);
      } catch (error) {
        req.log.warn({ err: error }, 'OIDC login failed');
        return reply.redirect('/logg-inn?feil=oidc');
      }
    },
  );
};

/** Finds the account for an OIDC identity, linking or creating it; null when the account is disabled. */
async function linkUser(db: Db, issuer: string, subject: string, email: string | null, name: string): Promise<string | null> {
  const [bySubject] = await db
    .select()
    .from(users)
    .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)));
  if (bySubject) return bySubject.disabled ? null : bySubject.id;
  return db.transaction(async (tx) => {
    const ctx = systemContext(tx);
    const [byEmail] = email ? await tx.select().from(users).where(eq(users.email, email)) : [];
    if (byEmail) {
      if (byEmail.disabled) return null;
      await tx.update(users).set({ oidcIssuer: issuer, oidcSubject: subject }).where(eq(users.id, byEmail.id));
      await recordAudit(
        tx,
        { ...ctx, user: { id: byEmail.id, email: byEmail.email, name: byEmail.name, language: byEmail.language, hasPassword: false } },
        { entityType: 'user', entityId: byEmail.id, action: 'linkOidc', after: { issuer } },
      );
      return byEmail.id;
    }
    const [created] = await tx
      .insert(users)
      .values({ email: email ?? `${subject}@${new URL(issuer).hostname}`, name, oidcIssuer: issuer, oidcSubject: subject })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: created!.id,
      action: 'createFromOidc',
      after: { email: created!.email, name, issuer },
    });
    return created!.id;
  });
}
