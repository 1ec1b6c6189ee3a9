import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

/**
 * A real OpenID Connect provider on loopback for the tests, built with `oidc-provider`: one confidential
 * client, PKCE required, and a login page that lists the test accounts as buttons ("Logg inn som …"),
 * so a browser or a fetch-driven test can sign in without a password. Consent is implied for the client.
 *
 * Run on its own for Playwright: `tsx test/oidc-provider.ts` (env OIDC_PROVIDER_PORT, OIDC_REDIRECT_URIS).
 */

export interface TestAccount {
  sub: string;
  email: string;
  name: string;
}

export interface OidcProviderOptions {
  /** 0 or absent: a free port. */
  port?: number;
  redirectUris: string[];
  accounts: TestAccount[];
  clientId?: string;
  clientSecret?: string;
  /**
   * Put the e-mail and profile claims in the ID token too (as Entra ID does). By default they are only
   * at the userinfo endpoint, as OpenID Connect Core 5.4 prescribes for the code flow.
   */
  claimsInIdToken?: boolean;
}

export interface RunningOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

export const TEST_CLIENT_ID = 'digiregion-test';
export const TEST_CLIENT_SECRET = 'digiregion-test-secret-not-for-production';

/** Accounts the e2e journeys use: one matches a demo user's e-mail, one is unknown to Digiregion. */
export const DEFAULT_TEST_ACCOUNTS: TestAccount[] = [
  { sub: 'oidc-medlem', email: 'medlem@digivesteralen.no', name: 'Styringsgruppemedlem DigiVesterålen' },
  { sub: 'oidc-ny', email: 'kari.nordmann@andoy.kommune.no', name: 'Kari Nordmann' },
];

/** The parts of `oidc-provider` used here; the package ships no type declarations. */
interface ProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ uid: string; prompt: { name: string }; params: Record<string, unknown> }>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: object,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  on(event: string, listener: (...args: unknown[]) => void): void;
  Grant: new (fields: { accountId?: string; clientId: string }) => GrantInstance;
}
interface GrantInstance {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface GrantModel {
  find(id: string): Promise<GrantInstance | undefined>;
}
interface ProviderContext {
  oidc: {
    client: { clientId: string };
    session: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    provider: { Grant: GrantModel & (new (fields: { accountId?: string; clientId: string }) => GrantInstance) };
  };
}
type ProviderConstructor = new (issuer: string, configuration: object) => ProviderInstance;

// A computed specifier keeps TypeScript from looking for declarations the package does not have.
const OIDC_PROVIDER_MODULE: string = 'oidc-provider';

/** Starts the provider on 127.0.0.1; `issuer` is `http://127.0.0.1:<port>`. */
export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const { default: Provider } = (await import(OIDC_PROVIDER_MODULE)) as { default: ProviderConstructor };
  const clientId = options.clientId ?? TEST_CLIENT_ID;
  const clientSecret = options.clientSecret ?? TEST_CLIENT_SECRET;
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', kid: 'test' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: !options.claimsInIdToken,
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: true, name: account.name }) };
    },
    // The test client is first-party: consent is implied, so the only interaction is choosing an account.
    async loadExistingGrant(ctx: ProviderContext) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const providerCallback = provider.callback();

  handle = (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match) return providerCallback(req, res);
    const action = match[2] ? login(provider, accounts, req, res) : showLogin(provider, options.accounts, req, res);
    action.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Innloggingen feilet: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The login page: a form with one button per test account. */
async function showLogin(provider: ProviderInstance, accounts: TestAccount[], req: IncomingMessage, res: ServerResponse) {
  const { uid, prompt } = await provider.interactionDetails(req, res);
  if (prompt.name !== 'login') throw new Error(`unexpected prompt ${prompt.name}`);
  const buttons = accounts
    .map(
      (a) =>
        `<li><button type="submit" name="account" value="${escapeHtml(a.sub)}">Logg inn som ${escapeHtml(a.name)}</button> (${escapeHtml(a.email)})</li>`,
    )
    .join('\n');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Testinnlogging</title></head>
<body>
<main>
<h1>Testinnlogging</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<ul>
${buttons}
</ul>
</form>
</main>
</body>
</html>`);
}

async function login(provider: ProviderInstance, accounts: Map<string, TestAccount>, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') throw new Error('POST only');
  let body = '';
  for await (const chunk of req) body += String(chunk);
  const sub = new URLSearchParams(body).get('account') ?? '';
  if (!accounts.has(sub)) throw new Error('unknown account');
  await provider.interactionDetails(req, res);
  await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
}

// CLI: `tsx test/oidc-provider.ts`, used by playwright.config.ts as a web server.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.OIDC_PROVIDER_PORT ?? 0);
  const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? 'http://localhost:3000/api/auth/oidc/callback').split(',');
  const running = await startOidcProvider({ port, redirectUris, accounts: DEFAULT_TEST_ACCOUNTS });
  console.log(`OIDC test provider at ${running.issuer} (client ${running.clientId}), redirect URIs: ${redirectUris.join(', ')}`);
  const stop = () => void running.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
