import { constants } from 'node:fs';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { assertStorageKey, MissingFileError, type ConfiguredFileStorage } from './file-storage.ts';

/** The errors a read gives when the key names no file: absent, a folder, or below a file. */
const MISSING_FILE_CODES = new Set(['ENOENT', 'EISDIR', 'ENOTDIR']);

/** Files in a local folder, written to a temporary name first so a crash never leaves half a file. */
export function localFileStorage(root: string): ConfiguredFileStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    assertStorageKey(key);
    const path = resolve(join(base, key));
    // A second guard behind the key check: nothing is ever read or written outside the folder.
    if (!path.startsWith(base + sep)) throw new Error(`storage key outside the storage folder: ${key}`);
    return path;
  };
  return {
    description: `local folder ${base}`,
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    },
    async get(key) {
      const path = pathOf(key);
      try {
        return await readFile(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code && MISSING_FILE_CODES.has(code)) throw new MissingFileError(key, { cause: error });
        throw error;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
    async check() {
      try {
        await mkdir(base, { recursive: true });
        await access(base, constants.R_OK | constants.W_OK);
      } catch (error) {
        throw new Error(`file storage: the folder ${base} cannot be created or written; check FILES_DIR`, { cause: error });
      }
    },
  };
}
