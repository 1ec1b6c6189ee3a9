import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';
import { startOidcProvider, type RunningOidcProvider, type TestAccount } from '../../../../test/oidc-provider.ts';
import { auditEntries, users } from '../../db/schema/index.ts';

const PUBLIC_URL = 'http://localhost:3999';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;

const ACCOUNTS = {
  stranger: { sub: 'sub-stranger', email: 'ola.nordmann@hadsel.kommune.no', name: 'Ola Nordmann' },
  // The provider sends the address in capitals; the invitation stored it in lower case.
  invited: { sub: 'sub-invited', email: 'Invitert.Person@Bo.Kommune.no', name: 'Invitert Person' },
  member: { sub: 'sub-member', email: USERS.vesteralenMember, name: 'Styringsgruppemedlem DigiVesterålen' },
} satisfies Record<string, TestAccount>;

/** A browser stand-in for the provider's side: keeps the provider's cookies and follows its redirects. */
class ProviderBrowser {
  private cookies = new Map<string, string>();

  /** GET or POST at the provider, following redirects there; stops at the first page or at a redirect leaving it. */
  async go(url: string, form?: Record<string, string>): Promise<{ url: string; html?: string }> {
    let next = new URL(url);
    let init: RequestInit = form ? { method: 'POST', body: new URLSearchParams(form) } : { method: 'GET' };
    for (let hop = 0; hop < 10; hop++) {
      const response = await fetch(next, { ...init, redirect: 'manual', headers: { cookie: this.cookieHeader() } });
      this.keep(response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const target = new URL(location, next);
        if (target.origin !== next.origin) return { url: target.href };
        next = target;
        init = { method: 'GET' };
        continue;
      }
      const html = await response.text();
      if (response.status !== 200) throw new Error(`provider answered ${response.status} at ${next.href}: ${html.slice(0, 300)}`);
      return { url: next.href, html };
    }
    throw new Error('too many redirects at the provider');
  }

  private keep(response: globalThis.Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

interface CallbackResult {
  status: number;
  location: string;
  /** The `dr_session` cookie as `name=value`, or null when none was set. */
  sessionCookie: string | null;
}

describe.each(DATABASE_KINDS)('OIDC login on %s', (kind) => {
  let provider: RunningOidcProvider;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUris: [REDIRECT_URI], accounts: Object.values(ACCOUNTS) });
    t = await startTestApp(kind, {
      publicUrl: PUBLIC_URL,
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        label: 'Testinnlogging',
        scopes: 'openid email profile',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.stop();
  });

  /** Our login endpoint: where it sends the browser. */
  async function startLogin(returnTo?: string): Promise<string> {
    const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
    const res = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/login${query}` });
    expect(res.statusCode).toBe(302);
    const location = String(res.headers.location);
    expect(location.startsWith(`${provider.issuer}/`)).toBe(true);
    return location;
  }

  /** At the provider: the login page, then the button for the account; returns where the provider sends the browser back. */
  async function signInAtProvider(authorizationUrl: string, account: TestAccount): Promise<string> {
    const browser = new ProviderBrowser();
    const page = await browser.go(authorizationUrl);
    expect(page.html).toContain(`Logg inn som ${account.name}`);
    const action = /<form method="post" action="([^"]+)"/.exec(page.html ?? '')?.[1];
    if (!action) throw new Error('no login form');
    const back = await browser.go(new URL(action, page.url).href, { account: account.sub });
    expect(back.url.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    return back.url;
  }

  async function callback(url: string): Promise<CallbackResult> {
    const { pathname, search } = new URL(url, PUBLIC_URL);
    const res = await t.app.inject({ method: 'GET', url: pathname + search });
    const cookie = res.cookies.find((c) => c.name === 'dr_session' && c.value);
    return { status: res.statusCode, location: String(res.headers.location), sessionCookie: cookie ? `dr_session=${cookie.value}` : null };
  }

  async function fullLogin(account: TestAccount, returnTo?: string): Promise<CallbackResult> {
    return callback(await signInAtProvider(await startLogin(returnTo), account));
  }

  async function me(sessionCookie: string | null) {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: sessionCookie ? { cookie: sessionCookie } : {} });
    expect(res.statusCode).toBe(200);
    return res.json().user as {
      id: string;
      email: string;
      name: string;
      hasPassword: boolean;
      roles: { role: string; networkId: string | null }[];
    } | null;
  }

  it('asks the provider for a code with PKCE, state and nonce', async () => {
    const url = new URL(await startLogin());
    expect(url.searchParams.get('client_id')).toBe(provider.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBeTruthy();
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
  });

  it('gives an unknown person a session and a new account without roles', async () => {
    const result = await fullLogin(ACCOUNTS.stranger, '/n/digivesteralen/personer?fane=2');
    expect(result.status).toBe(302);
    expect(result.location).toBe('/n/digivesteralen/personer?fane=2');
    expect(result.sessionCookie).not.toBeNull();

    const user = await me(result.sessionCookie);
    expect(user).toMatchObject({ email: ACCOUNTS.stranger.email, name: ACCOUNTS.stranger.name, hasPassword: false, roles: [] });
    const [row] = await t.db.select().from(users).where(eq(users.id, user!.id));
    expect(row).toMatchObject({ oidcIssuer: provider.issuer, oidcSubject: ACCOUNTS.stranger.sub, passwordHash: null });
    const audit = await t.db.select().from(auditEntries).where(eq(auditEntries.entityId, user!.id));
    expect(audit.map((a) => a.action)).toContain('createFromOidc');
  });

  it('links an invited person to the invitation by e-mail, keeping the roles the invitation gave', async () => {
    const networkId = await t.networkId('digivesteralen');
    const admin = await t.as(USERS.vesteralenAdmin);
    const invitation = await admin.post('/api/admin/invitations', {
      email: ACCOUNTS.invited.email.toLowerCase(),
      name: 'Invitert Person',
      roles: [{ role: 'networkMember', networkId }],
    });
    expect(invitation.status).toBe(201);

    const result = await fullLogin(ACCOUNTS.invited);
    expect(result.location).toBe('/');
    const user = await me(result.sessionCookie);
    expect(user?.id).toBe(invitation.body.user.id);
    expect(user?.roles).toEqual([expect.objectContaining({ role: 'networkMember', networkId })]);

    // The next login finds the account by the provider's subject, and no second account appears.
    const again = await fullLogin(ACCOUNTS.invited);
    expect((await me(again.sessionCookie))?.id).toBe(invitation.body.user.id);
    const accounts = await t.db.select().from(users).where(eq(users.email, ACCOUNTS.invited.email.toLowerCase()));
    expect(accounts).toHaveLength(1);
  });

  it('links an existing account with a password, which keeps its roles and password', async () => {
    const result = await fullLogin(ACCOUNTS.member);
    const user = await me(result.sessionCookie);
    expect(user).toMatchObject({ email: USERS.vesteralenMember, hasPassword: true });
    expect(user?.roles.map((r) => r.role)).toEqual(['networkMember']);
    expect((await t.as(USERS.vesteralenMember)).cookie).toBeTruthy();
  });

  it.each([
    ['a made-up state', (url: URL) => url.searchParams.set('state', 'not-a-state-we-issued')],
    ['no state', (url: URL) => url.searchParams.delete('state')],
  ])('refuses a callback with %s: back to the login page, no session', async (_label, tamper) => {
    const url = new URL(await signInAtProvider(await startLogin(), ACCOUNTS.stranger));
    tamper(url);
    const result = await callback(url.href);
    expect(result).toEqual({ status: 302, location: '/logg-inn?feil=oidc', sessionCookie: null });
  });

  it("refuses a code presented with another login's state (PKCE and nonce do not match)", async () => {
    const otherState = new URL(await startLogin()).searchParams.get('state')!;
    const url = new URL(await signInAtProvider(await startLogin(), ACCOUNTS.stranger));
    url.searchParams.set('state', otherState);
    const result = await callback(url.href);
    expect(result).toEqual({ status: 302, location: '/logg-inn?feil=oidc', sessionCookie: null });
  });

  it('refuses a state that was already used', async () => {
    const url = await signInAtProvider(await startLogin(), ACCOUNTS.stranger);
    expect((await callback(url)).sessionCookie).not.toBeNull();
    expect(await callback(url)).toEqual({ status: 302, location: '/logg-inn?feil=oidc', sessionCookie: null });
  });

  it('sends the person back to the login page when the provider reports an error', async () => {
    const state = new URL(await startLogin()).searchParams.get('state')!;
    const result = await callback(`${REDIRECT_URI}?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`);
    expect(result).toEqual({ status: 302, location: '/logg-inn?feil=oidc', sessionCookie: null });
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example/', '/\t/evil.example/', 'javascript:alert(1)'])(
    'ignores a returnTo outside the site (%j) and lands on the front page',
    async (returnTo) => {
      const result = await fullLogin(ACCOUNTS.stranger, returnTo);
      expect(result.sessionCookie).not.toBeNull();
      expect(result.location).toBe('/');
    },
  );

  it('refuses a disabled account', async () => {
    const created = await fullLogin(ACCOUNTS.stranger);
    const user = await me(created.sessionCookie);
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, user!.id));
    const result = await fullLogin(ACCOUNTS.stranger);
    expect(result).toEqual({ status: 302, location: '/logg-inn?feil=deaktivert', sessionCookie: null });
    await t.db.update(users).set({ disabled: false }).where(eq(users.id, user!.id));
  });
});

describe('OIDC login with the claims in the ID token (as Entra ID sends them)', () => {
  let provider: RunningOidcProvider;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUris: [REDIRECT_URI], accounts: [ACCOUNTS.member], claimsInIdToken: true });
    t = await startTestApp('pglite', {
      publicUrl: PUBLIC_URL,
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        label: 'Entra ID',
        scopes: 'openid email profile',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.stop();
  });

  it('links the account by the e-mail in the ID token', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    const browser = new ProviderBrowser();
    const page = await browser.go(String(start.headers.location));
    const action = /<form method="post" action="([^"]+)"/.exec(page.html ?? '')![1]!;
    const back = await browser.go(new URL(action, page.url).href, { account: ACCOUNTS.member.sub });
    const { pathname, search } = new URL(back.url);
    const res = await t.app.inject({ method: 'GET', url: pathname + search });
    const cookie = res.cookies.find((c) => c.name === 'dr_session' && c.value);
    expect(cookie).toBeDefined();
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `dr_session=${cookie!.value}` } });
    expect(me.json().user).toMatchObject({ email: USERS.vesteralenMember, hasPassword: true });
  });
});
