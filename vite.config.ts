import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** The web client lives in src/web; the server serves the build from dist/web. */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
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
