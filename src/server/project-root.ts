import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder: the nearest one above this file that holds package.json. The same whether the server runs
 * from its TypeScript source (src/server) or compiled (dist/app/server), so the reference data and package.json
 * are found from either.
 */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(dir: string): string {
  if (existsSync(join(dir, 'package.json'))) return dir;
  const parent = dirname(dir);
  if (parent === dir) throw new Error('package.json not found above the server');
  return findRoot(parent);
}
