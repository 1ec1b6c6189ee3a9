import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The compiled server, as production runs it (npm run build:server). */
export const SERVER_MAIN = join(ROOT, 'dist/app/server/main.js');
export const serverCli = (name: string) => join(ROOT, `dist/app/server/cli/${name}.js`);

/**
 * Compiles the server when dist/app is missing or older than a source file, so that the tests that start the
 * server as a process (the cluster, SIGTERM and command-line tests) run the code as it is now.
 */
export function ensureServerBuild(): void {
  if (existsSync(SERVER_MAIN) && statSync(SERVER_MAIN).mtimeMs >= newestSource()) return;
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
}

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['src/server', 'src/shared']) walk(join(ROOT, dir));
  return newest;
}
