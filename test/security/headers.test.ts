import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  DOCS_CONTENT_SECURITY_POLICY,
  HSTS,
  PERMISSIONS_POLICY,
} from '../../src/server/plugins/security-headers.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../harness.ts';
import { freePort, startNginx, type TestNginx } from '../nginx.ts';

/**
 * Failure 4 of the attack (issue 15): no security headers. Every kind of answer of the app carries them now: API
 * JSON, errors, 404s, the built client's HTML and scripts, a download and the API documentation; the pages opened by
 * personal links send no Referer; HSTS is sent over TLS. nginx passes the app's through and adds them to its own.
 */

/** A built client as Vite leaves it in dist/web: an index.html that loads a script and a stylesheet. */
function webRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'digiregion-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html lang="nb"><head><script type="module" src="/assets/index.js"></script><link rel="stylesheet" href="/assets/index.css"></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(root, 'assets', 'index.js'), 'document.getElementById("root").textContent = "Digiregion";\n');
  writeFileSync(join(root, 'assets', 'index.css'), 'body { margin: 0; }\n');
  return root;
}

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'permissions-policy': PERMISSIONS_POLICY,
  'cross-origin-opener-policy': 'same-origin',
};
const APP = { ...COMMON, 'content-security-policy': CONTENT_SECURITY_POLICY, 'referrer-policy': 'strict-origin-when-cross-origin' };

function expectHeaders(res: { headers: Record<string, unknown> }, expected: Record<string, string>, what: string) {
  const actual = Object.fromEntries(Object.keys(expected).map((name) => [name, res.headers[name]]));
  expect(actual, what).toEqual(expected);
  expect(res.headers['strict-transport-security'], what).toBeUndefined();
}

describe.each(DATABASE_KINDS)('security headers on every answer, on %s', (kind) => {
  let t: TestApp;
  let root: string;
  let admin: Client;
  beforeAll(async () => {
    root = webRoot();
    t = await startTestApp(kind, { webRoot: root });
    admin = await t.as(USERS.vesteralenAdmin);
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('on API JSON, errors and 404s', async () => {
    const anonymous = t.anonymous();
    const answers = {
      'API JSON': await anonymous.get('/api/health'),
      'a 401': await anonymous.get('/api/networks/digivesteralen/audit'),
      'a 400': await admin.post('/api/people', { name: 7 }),
      'a 404 of the API': await anonymous.get('/api/no-such-route'),
      'a 404 of a record': await admin.get('/api/people/00000000-0000-4000-8000-000000000000'),
      'a 413': await admin.request('POST', '/api/people', JSON.stringify({ name: 'x'.repeat(1_100_000) }), {
        'content-type': 'application/json',
      }),
      'a 415': await admin.request('POST', '/api/people', 'x', { 'content-type': 'text/plain' }),
      'a path that cannot be decoded': await anonymous.get('/api/networks/%C0%AF'),
      'a 404 of a POST outside the API': await anonymous.post('/no-such-page', {}),
      'the metrics path on the public port': await anonymous.get('/metrics'),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([what, res]) => [what, res.status]))).toEqual({
      'API JSON': 200,
      'a 401': 401,
      'a 400': 400,
      'a 404 of the API': 404,
      'a 404 of a record': 404,
      'a 413': 413,
      'a 415': 415,
      'a path that cannot be decoded': 400,
      'a 404 of a POST outside the API': 404,
      'the metrics path on the public port': 404,
    });
    for (const [what, res] of Object.entries(answers)) expectHeaders(res, APP, what);
  });

  it('on the built client: its HTML, every client-side route, its script and its stylesheet', async () => {
    const anonymous = t.anonymous();
    for (const path of ['/', '/innsyn', '/n/digivesteralen/kartlegging', '/logg-inn']) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toContain('text/html');
      expectHeaders(res, APP, path);
    }
    const script = await anonymous.get('/assets/index.js');
    expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expectHeaders(script, APP, 'the script');
    expectHeaders(await anonymous.get('/assets/index.css'), APP, 'the stylesheet');
  });

  it('the pages a personal link opens send no Referer, however the address is written', async () => {
    const anonymous = t.anonymous();
    const token = 'x'.repeat(43);
    for (const path of [
      `/forfall/${token}`,
      `/skriftlig/${token}`,
      `/signer/${token}`,
      `/svar/${token}`,
      `/invitasjon/${token}`,
      `/nytt-passord/${token}`,
      `/FORFALL/${token}`,
      `/%73var/${token}`,
      `/signer/${token}?utm_source=e-post`,
    ]) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(200);
      expectHeaders(res, { ...APP, 'referrer-policy': 'no-referrer' }, path);
    }
    // Not a page of a personal link, though it starts alike.
    expectHeaders(await anonymous.get('/svarfrist'), APP, '/svarfrist');
  });

  it('on a download', async () => {
    const res = await admin.get('/api/networks/digivesteralen/members/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    expectHeaders(res, APP, 'the download');
  });

  it('on the API documentation, with its own CSP that allows swagger-ui’s one style element and nothing else', async () => {
    const anonymous = t.anonymous();
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expectHeaders({ headers: page.headers }, { ...APP, 'content-security-policy': DOCS_CONTENT_SECURITY_POLICY }, '/api/docs');
    expect(DOCS_CONTENT_SECURITY_POLICY).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(DOCS_CONTENT_SECURITY_POLICY.replace(/ 'sha256-[^']+'/, '')).toBe(CONTENT_SECURITY_POLICY);
    // swagger-ui's page loads its scripts from files: no inline script to allow.
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    expectHeaders(
      await anonymous.get('/api/docs/json'),
      { ...APP, 'content-security-policy': DOCS_CONTENT_SECURITY_POLICY },
      '/api/docs/json',
    );
  });
});

describe('HSTS when served over TLS', () => {
  const forwardedHttps = { 'x-forwarded-proto': 'https' };

  it('is sent when the public address is https', async () => {
    const t = await startTestApp('pglite', { publicUrl: 'https://digiregion.example.no' });
    try {
      const res = await t.anonymous().get('/api/health');
      expect(res.headers['strict-transport-security']).toBe(HSTS);
      expect((await t.anonymous().get('/api/nope')).headers['strict-transport-security']).toBe(HSTS);
    } finally {
      await t.close();
    }
  });

  it('is sent when a trusted proxy says the request came over https, and not when anyone else says so', async () => {
    const trusting = await startTestApp('pglite', { trustProxy: 1 });
    const untrusting = await startTestApp('pglite');
    try {
      expect((await trusting.anonymous().get('/api/health', forwardedHttps)).headers['strict-transport-security']).toBe(HSTS);
      expect((await trusting.anonymous().get('/api/health')).headers['strict-transport-security']).toBeUndefined();
      expect((await untrusting.anonymous().get('/api/health', forwardedHttps)).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await trusting.close();
      await untrusting.close();
    }
  });
});

describe('security headers through nginx (deploy/nginx/digiregion.conf)', () => {
  let t: TestApp;
  let nginx: TestNginx;
  let deadEnd: TestNginx;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    nginx = await startNginx([`127.0.0.1:${port}`]);
    // An nginx whose only instance is down: every answer is nginx's own 502.
    deadEnd = await startNginx([`127.0.0.1:${await freePort()}`]);
  });
  afterAll(async () => {
    await nginx?.stop();
    await deadEnd?.stop();
    await t?.close();
  });

  const headersOf = (response: Response) => Object.fromEntries([...response.headers.entries()]);

  it('passes the app’s headers through unchanged, once each', async () => {
    for (const path of ['/api/health', '/api/no-such-route', '/api/docs/json']) {
      const direct = await t.app.inject({ method: 'GET', url: path });
      const through = headersOf(await fetch(`${nginx.url}${path}`));
      for (const name of [
        'content-security-policy',
        'x-content-type-options',
        'x-frame-options',
        'referrer-policy',
        'permissions-policy',
      ]) {
        // fetch joins a header sent twice with «, »: equal to the app's value means nginx added none of its own.
        expect(through[name], `${name} on ${path}`).toBe(direct.headers[name]);
      }
      expect(through.server).toBe('nginx');
    }
  });

  it('adds them to the answers nginx makes itself', async () => {
    const response = await fetch(`${deadEnd.url}/api/health`);
    expect(response.status).toBe(502);
    const headers = headersOf(response);
    expect(headers).toMatchObject({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'permissions-policy': PERMISSIONS_POLICY,
      server: 'nginx',
    });
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(await response.text()).not.toMatch(/nginx\/\d/);
  });
});
