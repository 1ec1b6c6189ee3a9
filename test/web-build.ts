import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The built web client, as the server serves it (npm run build). */
export const WEB_DIST = join(ROOT, 'dist/web');
/** Vite's manifest of the build: each entry and dynamically imported module, its chunk and what that chunk imports. */
export const WEB_MANIFEST = join(WEB_DIST, '.vite/manifest.json');
/** The source modules in each chunk (vite.config.ts, chunkModulesPlugin). */
export const WEB_CHUNK_MODULES = join(WEB_DIST, '.vite/modules.json');

/**
 * Builds the web client when dist/web is missing or older than its sources (src/web, src/shared, the Vite config and
 * the build steps), so that a test that reads the build reads the code as it is now. `npm test` builds just before
 * the tests run, so there it finds the build fresh.
 */
export function ensureWebBuild(): void {
  if (existsSync(WEB_MANIFEST) && existsSync(WEB_CHUNK_MODULES) && statSync(WEB_MANIFEST).mtimeMs >= newestSource()) return;
  // As `npm run build` does: under Vitest NODE_ENV is `test`, which would bundle React's development build.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

function newestSource(): number {
  let newest = 0;
  const walk = (path: string) => {
    const stat = statSync(path);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  for (const path of ['src/web', 'src/shared', 'build', 'vite.config.ts', 'package-lock.json']) walk(join(ROOT, path));
  return newest;
}
