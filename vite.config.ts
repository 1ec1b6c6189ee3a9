import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './build/precompress.ts';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * Source maps (6 MB beside a 1.6 MB script) are built only with WEB_SOURCE_MAPS=true, the same variable with which the
 * server then serves them (src/server/config.ts): production sends no map unless it is asked to.
 */
const sourceMaps = process.env.WEB_SOURCE_MAPS === 'true';

/** `.br` and `.gz` beside each built file, once the bundle is written (build/precompress.ts). */
function precompressPlugin(): Plugin {
  return {
    name: 'digiregion:precompress',
    apply: 'build',
    closeBundle: { sequential: true, order: 'post', handler: () => precompress(outDir).then(() => undefined) },
  };
}

/**
 * Every `import … from 'zod'` in the web client resolves to app/zod-config.ts, which makes zod jitless and passes it on:
 * whatever chunk a schema lands in, zod is configured before the schema exists (the CSP forbids the eval zod would try),
 * and a page without schemas loads no zod. zod's own files and the config itself reach the real package.
 */
function jitlessZodPlugin(): Plugin {
  const zodConfig = fileURLToPath(new URL('./src/web/app/zod-config.ts', import.meta.url));
  return {
    name: 'digiregion:jitless-zod',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'zod' || !importer || importer === zodConfig || /[\\/]node_modules[\\/]/.test(importer)) return null;
      return zodConfig;
    },
  };
}

/**
 * Designsystemet's web layer (@digdir/designsystemet-web: the custom elements such as ds-field and ds-tabs, and the
 * popover and invoker polyfills, 27 kB gzip) upgrades elements already drawn, so it need not hold up the first paint.
 * Each of Designsystemet's React components imports it for that side effect alone (`import "@digdir/designsystemet-web"`),
 * which would put all of it in the first load: the build drops those bare imports, and main.tsx loads the layer itself
 * as the app starts, beside the page's own code. An import of one of its exports (usePagination's) is kept.
 */
function deferDesignsystemetWebPlugin(): Plugin {
  // The line is left empty, so every other line keeps its place (no source map needed for the change).
  const bareImport = /^import\s*["']@digdir\/designsystemet-web["'];?[ \t]*$/gm;
  return {
    name: 'digiregion:defer-designsystemet-web',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]@digdir[\\/]designsystemet-react[\\/]dist[\\/]esm[\\/].+\.js$/ },
      handler(code) {
        const kept = code.replace(bareImport, '');
        return kept === code ? null : { code: kept, map: null };
      },
    },
  };
}

/**
 * Modules that may be left out when nothing of theirs is used, although the bundler cannot prove them free of side
 * effects: without this, every module a feature's index.ts re-exports (message hooks, paths) sits in the first load,
 * since the router imports every index.ts, and Designsystemet's React package (which declares no `sideEffects`) is
 * bundled whole. A feature's .ts modules only declare (routes, sections, messages, API helpers; nothing runs on import),
 * and Designsystemet's React components only declare components; its real side effects (custom elements, polyfills)
 * are in @digdir/designsystemet-web, which keeps them.
 */
const FREE_OF_SIDE_EFFECTS = [
  /[\\/]src[\\/]web[\\/]features[\\/].+\.ts$/,
  /[\\/]node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]dist[\\/]esm[\\/]/,
];

/**
 * `.vite/modules.json` beside Vite's manifest: the source modules in each chunk (paths as the manifest's keys). The
 * manifest names a chunk by the one module it was made for; this tells which chunk a page's module ended up in, however
 * the routes import it, so the bundle budget (issue 16) counts what a page really loads.
 */
function chunkModulesPlugin(): Plugin {
  return {
    name: 'digiregion:chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const modules: Record<string, string[]> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        modules[output.fileName] = output.moduleIds.filter((id) => !id.startsWith('\0')).map((id) => relative(root, id));
      }
      this.emitFile({ type: 'asset', fileName: '.vite/modules.json', source: JSON.stringify(modules, null, 1) });
    },
  };
}

/** The web client lives in src/web; the server serves the build from dist/web. */
export default defineConfig({
  root,
  plugins: [jitlessZodPlugin(), deferDesignsystemetWebPlugin(), react(), chunkModulesPlugin(), precompressPlugin()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: sourceMaps,
    // .vite/manifest.json: which chunks each entry and route loads, read by the bundle budget (issue 16).
    manifest: true,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id) => (FREE_OF_SIDE_EFFECTS.some((pattern) => pattern.test(id)) ? false : undefined) },
      output: {
        codeSplitting: {
          // zod and the app's zod configuration (jitlessZodPlugin) in one chunk, loaded with the first page that
          // uses a schema.
          groups: [
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|app[\\/]zod-config\.ts/, priority: 20 },
            // Designsystemet's web layer and what it uses, in one chunk that main.tsx loads beside the first page.
            { name: 'designsystemet-web', test: /node_modules[\\/]@digdir[\\/]designsystemet-web[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
