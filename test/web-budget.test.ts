import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, WEB_CHUNK_MODULES, WEB_DIST, WEB_MANIFEST } from './web-build.ts';

/**
 * The bundle budget (issue 16): the JavaScript a browser must load before it can show the public front page
 * (/innsyn) and the logged-in start page is at most 150 kB gzip each, in each language. Read from the real build:
 * Vite's manifest gives each chunk and the chunks it imports statically (loaded before it runs); .vite/modules.json
 * which chunk holds each module. A page's initial JavaScript is the entry chunk and everything it imports statically,
 * the chunk that holds the page's module with everything that imports statically (what the route loads when it is
 * visited), and for nynorsk and English the chunk of that language's catalog (bokmål's is in the entry).
 * Chunks loaded only by a later dynamic import (another route, a form opened on the page, Markdown, a chart) are not
 * counted, nor is Designsystemet's web layer, which main.tsx loads beside the page, not before it (its size is
 * printed with the figures).
 */

const BUDGET_GZIP_BYTES = 150 * 1024;

/** Each page, and the module that renders it (the one its route imports). */
const PAGES = [
  { page: '/innsyn (public front page)', module: 'features/public/PublicHomePage.tsx' },
  { page: '/ (logged-in start page, «Mitt arbeid»)', module: 'features/my-work/MyWorkPage.tsx' },
];

/** The catalog a reader of each language loads besides the entry (bokmål's is in it). */
const CATALOGS = { nb: null, nn: 'app/i18n/nn.ts', en: 'app/i18n/en.ts' } as const;

const CASES = PAGES.flatMap(({ page, module }) =>
  Object.entries(CATALOGS).map(([language, catalog]) => ({ page, module, language, catalog })),
);

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
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

/** The manifest key of the one chunk that holds `module`. */
function chunkHolding(module: string): string {
  const { manifest, chunkModules } = readBuild();
  const holding = Object.entries(chunkModules).filter(([, modules]) => modules.includes(module));
  expect(holding.length, `${module} is in exactly one chunk (a renamed module must be renamed in this test too)`).toBe(1);
  const [chunkFile] = holding[0]!;
  const key = Object.entries(manifest).find(([, chunk]) => chunk.file === chunkFile)?.[0];
  if (!key) throw new Error(`the manifest has no chunk for ${chunkFile}`);
  return key;
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

function weigh(keys: Iterable<string>) {
  const { manifest } = readBuild();
  const files = [...keys].map((key) => manifest[key]!.file).filter((file) => /\.m?js$/.test(file));
  return {
    files,
    bytes: files.reduce((sum, file) => sum + readFileSync(join(WEB_DIST, file)).length, 0),
    gzipBytes: files.reduce((sum, file) => sum + gzipSize(file), 0),
  };
}

/** The entry, the page's chunk and the reader's catalog, each with what it imports statically. */
function initialChunks(module: string, catalog: string | null): Set<string> {
  const { manifest } = readBuild();
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  expect(
    entries.map(([key]) => key),
    'one entry: index.html',
  ).toEqual(['index.html']);
  const keys = staticClosure(manifest, 'index.html');
  staticClosure(manifest, chunkHolding(module), keys);
  if (catalog) staticClosure(manifest, chunkHolding(catalog), keys);
  return keys;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe('the bundle budget', () => {
  beforeAll(() => ensureWebBuild(), 300_000);

  it.each(CASES)('$page in $language loads at most 150 kB of JavaScript (gzip) before it shows', ({ page, module, language, catalog }) => {
    const weight = weigh(initialChunks(module, catalog));
    const beside = weigh([chunkHolding('../../node_modules/@digdir/designsystemet-web/dist/esm/index.js')]);
    // The figures in every run, so a change that adds weight shows by how much.
    console.log(
      `${page}, ${language}: ${weight.files.length} scripts, ${kB(weight.bytes)}, ${kB(weight.gzipBytes)} gzip ` +
        `(budget ${kB(BUDGET_GZIP_BYTES)}); Designsystemet's web layer beside it: ${kB(beside.gzipBytes)} gzip`,
    );
    expect(weight.gzipBytes, `${page}, ${language}: ${weight.files.join(', ')}`).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('the first load holds no zod, no form kit and no other language', () => {
    const { chunkModules, manifest } = readBuild();
    const modules = [...staticClosure(manifest, 'index.html')].flatMap((key) => chunkModules[manifest[key]!.file] ?? []);
    expect(modules.filter((m) => /node_modules\/zod\/|app\/forms\.tsx|app\/i18n\/(nn|en)\.ts|designsystemet-web/.test(m))).toEqual([]);
    expect(modules).toContain('app/i18n/nb.ts');
  });
});

/**
 * The build leaves out a feature's .ts module when nothing of it is used (vite.config.ts, FREE_OF_SIDE_EFFECTS), which
 * keeps what each index.ts re-exports out of the first load. That is only right while such a module runs nothing when
 * imported: no statement at its top level but imports, exports and declarations, and no import for its side effect.
 */
describe("the features' .ts modules", () => {
  const features = join(import.meta.dirname, '../src/web/features');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /(?<!\.test)\.ts$/.test(name) ? [path] : [];
    });

  it('run nothing when imported', () => {
    const declarations = new Set([
      ts.SyntaxKind.ImportDeclaration,
      ts.SyntaxKind.ExportDeclaration,
      ts.SyntaxKind.VariableStatement,
      ts.SyntaxKind.FunctionDeclaration,
      ts.SyntaxKind.ClassDeclaration,
      ts.SyntaxKind.InterfaceDeclaration,
      ts.SyntaxKind.TypeAliasDeclaration,
      ts.SyntaxKind.EnumDeclaration,
    ]);
    const all = files(features);
    expect(all.length).toBeGreaterThan(10);
    const breaches = all.flatMap((path) => {
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      return source.statements
        .filter((s) => !declarations.has(s.kind) || (ts.isImportDeclaration(s) && !s.importClause))
        .map(
          (s) => `${relative(features, path)}:${source.getLineAndCharacterOfPosition(s.getStart()).line + 1}: ${s.getText().slice(0, 60)}`,
        );
    });
    expect(breaches).toEqual([]);
  });
});
