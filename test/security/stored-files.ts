import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below the storage folder, as sorted relative paths: a test compares it before and after a request. */
export function storedFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found.sort();
}
