import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, WEB_CHUNK_MODULES, WEB_DIST, WEB_MANIFEST } from './web-build.ts';

/**
 * The bundle budget (issue 16): the JavaScript a browser must load before it can show the public front page
 * (/innsyn) and the logged-in start page is at most 150 kB gzip each. Read from the build: Vite's manifest gives each
 * chunk and the chunks it imports statically (loaded before it runs); .vite/modules.json which chunk holds each
 * page's module. A page's initial JavaScript is the entry chunk and everything it imports statically, and the chunk
 * that holds the page's module with everything that imports statically: what the route loads when it is visited.
 * Chunks loaded only by a later dynamic import (another route, a chart, Markdown) are not counted.
 */

const BUDGET_GZIP_BYTES = 150 * 1024;

/** Each page, and the module that renders it (the one its route imports). */
const PAGES = [
  { page: '/innsyn (public front page)', module: 'features/public/PublicHomePage.tsx' },
  { page: '/ (logged-in start page)', module: 'features/network/NetworksPage.tsx' },
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

interface PageWeight {
  page: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
}

function readBuild() {
  const manifest = JSON.parse(readFileSync(WEB_MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
  const chunkModules = JSON.parse(readFileSync(WEB_CHUNK_MODULES, 'utf8')) as Record<string, string[]>;
  return { manifest, chunkModules };
}

/** The manifest key of `key` and of every chunk it imports statically, through their imports in turn. */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
  into.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

const gzipSizes = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(WEB_DIST, file)), { level: constants.Z_BEST_COMPRESSION }).length;
    gzipSizes.set(file, size);
  }
  return size;
}

function pageWeight(page: string, module: string): PageWeight {
  const { manifest, chunkModules } = readBuild();
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  expect(
    entries.map(([key]) => key),
    'one entry: index.html',
  ).toEqual(['index.html']);
  const keys = staticClosure(manifest, 'index.html');
  const holding = Object.entries(chunkModules).filter(([, modules]) => modules.includes(module));
  expect(holding.length, `${module} is in exactly one chunk (a renamed page module must be renamed in PAGES too)`).toBe(1);
  const [chunkFile] = holding[0]!;
  const chunkKey = Object.entries(manifest).find(([, chunk]) => chunk.file === chunkFile)?.[0];
  if (!chunkKey) throw new Error(`the manifest has no chunk for ${chunkFile}`);
  staticClosure(manifest, chunkKey, keys);
  const files = [...keys].map((key) => manifest[key]!.file).filter((file) => /\.m?js$/.test(file));
  return {
    page,
    files,
    bytes: files.reduce((sum, file) => sum + readFileSync(join(WEB_DIST, file)).length, 0),
    gzipBytes: files.reduce((sum, file) => sum + gzipSize(file), 0),
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe('the bundle budget', () => {
  beforeAll(() => ensureWebBuild(), 300_000);

  it.each(PAGES)('$page loads at most 150 kB of JavaScript (gzip) before it shows', ({ page, module }) => {
    const weight = pageWeight(page, module);
    // The figures in every run, so a change that adds weight shows by how much.
    console.log(
      `${page}: ${weight.files.length} script(s), ${kB(weight.bytes)}, ${kB(weight.gzipBytes)} gzip (budget ${kB(BUDGET_GZIP_BYTES)}): ${weight.files.join(', ')}`,
    );
    expect(weight.gzipBytes, `${page}: ${weight.files.join(', ')}`).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
});
