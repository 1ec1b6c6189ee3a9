import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { precompress } from './build/precompress.ts';

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

/** The web client lives in src/web; the server serves the build from dist/web. */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), precompressPlugin()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: sourceMaps,
    // .vite/manifest.json: which chunks each entry and route loads, read by the bundle budget (test/web-budget.test.ts).
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
