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
  plugins: [react(), chunkModulesPlugin(), precompressPlugin()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: sourceMaps,
    // .vite/manifest.json: which chunks each entry and route loads, read by the bundle budget (issue 16).
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod and the app's zod configuration in one chunk, the configuration right after zod: with pages loaded
          // when first visited, the shared schemas sit in another chunk that runs before the entry's own code, and
          // zod must be jitless before any schema exists (the CSP forbids eval).
          groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|app[\\/]zod-config\.ts/, priority: 20 }],
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
