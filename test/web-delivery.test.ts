import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../build/precompress.ts';
import { COMPRESSIBLE_TYPES } from '../src/server/app.ts';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from './harness.ts';

/**
 * How the web client and the API reach the browser (issue 16): compressed as the browser's Accept-Encoding asks (the
 * built files precompressed at build, API answers above 1 kB per request), content-hashed files cached for a year,
 * index.html revalidated every time, source maps kept back unless configured, and downloads left as they are.
 */

const SCRIPT = '/assets/index-Bq3xT9aZ.js';
const STYLE = '/assets/index-C4lm0Pq2.css';
const MAP = '/assets/index-Bq3xT9aZ.js.map';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A build as Vite leaves it in dist/web, run through the same precompression step as `npm run build`. */
async function builtClient(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'digiregion-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html lang="nb"><head><script type="module" src="${SCRIPT}"></script><link rel="stylesheet" href="${STYLE}"></head><body><div id="root"></div></body></html>`,
  );
  const script = Array.from({ length: 400 }, (_, i) => `export const label${i} = () => document.title + ' ${i}';`).join('\n');
  writeFileSync(join(root, SCRIPT), `${script}\n//# sourceMappingURL=index-Bq3xT9aZ.js.map\n`);
  writeFileSync(join(root, STYLE), Array.from({ length: 200 }, (_, i) => `.row-${i} { margin: ${i}px; }`).join('\n'));
  writeFileSync(join(root, MAP), JSON.stringify({ version: 3, sources: ['src/web/main.tsx'], mappings: 'AAAA'.repeat(500) }));
  const compressed = await precompress(root);
  // index.html is under 1 kB: sent as it is.
  expect(compressed.map((file) => file.slice(root.length)).sort()).toEqual([SCRIPT, STYLE]);
  return root;
}

describe('the precompression step', () => {
  it('writes .br and .gz beside each file of 1 kB or more, which decompress to the file', async () => {
    const root = await builtClient();
    try {
      const original = readFileSync(join(root, SCRIPT));
      expect(brotliDecompressSync(readFileSync(join(root, `${SCRIPT}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(root, `${SCRIPT}.gz`)))).toEqual(original);
      expect(readFileSync(join(root, `${SCRIPT}.br`)).length).toBeLessThan(original.length / 5);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('what is compressed per request', () => {
  it('text, HTML, JavaScript, CSS, JSON and XML; not event streams, not files compressed already, not octet-stream', () => {
    const compressible = [
      'text/html; charset=utf-8',
      'text/javascript; charset=utf-8',
      'application/javascript',
      'text/css',
      'application/json; charset=utf-8',
      'application/ld+json',
      'text/csv; charset=utf-8',
      'text/calendar; charset=utf-8',
      'application/xml',
      'image/svg+xml',
    ];
    const notCompressible = [
      'text/event-stream',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/zip',
      'application/x-tar',
      'application/gzip',
      'application/octet-stream',
      'image/png',
      'font/woff2',
    ];
    expect(compressible.filter((type) => !COMPRESSIBLE_TYPES.test(type))).toEqual([]);
    expect(notCompressible.filter((type) => COMPRESSIBLE_TYPES.test(type))).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('the web client and the API as they reach the browser, on %s', (kind) => {
  let t: TestApp;
  let root: string;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    root = await builtClient();
    t = await startTestApp(kind, { webRoot: root });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends a script as br to a browser that accepts br, cached for a year as immutable', async () => {
    const res = await get(SCRIPT, { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload)).toEqual(readFileSync(join(root, SCRIPT)));
  });

  it('sends gzip to a browser that accepts gzip only, br to one that accepts both, the file itself to one that accepts neither', async () => {
    const gzip = await get(SCRIPT, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gzip.rawPayload)).toEqual(readFileSync(join(root, SCRIPT)));

    const style = await get(STYLE, { 'accept-encoding': 'gzip, deflate' });
    expect([style.headers['content-encoding'], style.headers['content-type'], style.headers['cache-control']]).toEqual([
      'gzip',
      'text/css; charset=utf-8',
      IMMUTABLE,
    ]);

    const browser = await get(SCRIPT, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(browser.headers['content-encoding']).toBe('br');

    const plain = await get(SCRIPT);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.rawPayload).toEqual(readFileSync(join(root, SCRIPT)));
  });

  it('answers 304 to a revalidation of the compressed file, whose ETag is not the plain one', async () => {
    const first = await get(SCRIPT, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    expect(etag).toBeTruthy();
    const again = await get(SCRIPT, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const plain = await get(SCRIPT);
    expect(plain.headers.etag).not.toBe(etag);
  });

  it('sends index.html, and the same page for client routes, with no-cache', async () => {
    for (const url of ['/', '/innsyn', '/n/digivesteralen/moter', '/index.html']) {
      const res = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect([url, res.statusCode, res.headers['content-type'], res.headers['cache-control']]).toEqual([
        url,
        200,
        'text/html; charset=utf-8',
        'no-cache',
      ]);
      expect(res.body).toContain('<div id="root">');
    }
    const index = await get('/');
    const again = await get('/', { 'if-none-match': String(index.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('serves no source map unless configured, no compressed sibling by its own name, and no page for a missing build file', async () => {
    for (const url of [MAP, `${SCRIPT}.br`, `${SCRIPT}.gz`, '/assets/index-gone1234.js']) {
      const res = await get(url);
      expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 404, 'application/json; charset=utf-8']);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('compresses a JSON answer above 1 kB as the browser asks, and leaves a small one as it is', async () => {
    const plain = await get('/api/public/networks');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await get('/api/public/networks', { 'accept-encoding': 'gzip, deflate, br' });
    expect([br.statusCode, br.headers['content-encoding'], br.headers['content-type']]).toEqual([
      200,
      'br',
      'application/json; charset=utf-8',
    ]);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);

    const gzip = await get('/api/public/networks', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());

    const small = await get('/api/health', { 'accept-encoding': 'gzip, deflate, br' });
    expect(small.statusCode).toBe(200);
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('sends a spreadsheet download as it is, and a CSV download compressed, both intact', async () => {
    const admin = await t.as(USERS.vesteralenAdmin);
    const cookie = admin.cookie!;
    const url = `/api/networks/${await t.networkId('digivesteralen')}/people/export`;
    const xlsx = await get(`${url}?format=xlsx`, { cookie, 'accept-encoding': 'gzip, deflate, br' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const csvPlain = await get(`${url}?format=csv`, { cookie });
    expect(csvPlain.rawPayload.length).toBeGreaterThan(1024);
    const csv = await get(`${url}?format=csv`, { cookie, 'accept-encoding': 'gzip' });
    expect([csv.statusCode, csv.headers['content-encoding'], csv.headers['content-type']]).toEqual([
      200,
      'gzip',
      'text/csv; charset=utf-8',
    ]);
    expect(csv.headers['content-disposition']).toBe(csvPlain.headers['content-disposition']);
    expect(gunzipSync(csv.rawPayload)).toEqual(csvPlain.rawPayload);
  });
});

describe('source maps when configured (WEB_SOURCE_MAPS=true)', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    root = await builtClient();
    t = await startTestApp('pglite', { webRoot: root, webSourceMaps: true });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the map beside its script', async () => {
    const res = await t.app.inject({ method: 'GET', url: MAP });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(3);
  });
});
