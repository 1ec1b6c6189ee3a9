import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Files smaller than this are sent as they are: compressing them saves less than it costs. */
export const PRECOMPRESS_THRESHOLD = 1024;
/** What is worth compressing; images and fonts (woff2) are compressed already, source maps are for developers. */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|svg|txt|xml|webmanifest)$/;

/**
 * Writes `file.br` and `file.gz` beside every compressible file of at least 1 kB in a built web client, at the
 * strongest settings: it runs once per build, and @fastify/static (`preCompressed`) then sends the one the browser
 * accepts without compressing anything per request. Folders starting with a dot (Vite's `.vite/manifest.json`) are
 * not served and are left alone. Returns the files compressed.
 */
export async function precompress(root: string): Promise<string[]> {
  const files = (await listFiles(root)).filter((file) => COMPRESSIBLE.test(file));
  const done: string[] = [];
  for (const file of files) {
    if ((await stat(file)).size < PRECOMPRESS_THRESHOLD) continue;
    const content = await readFile(file);
    const [br, gz] = await Promise.all([
      brotliAsync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    done.push(file);
  }
  return done;
}

async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else files.push(path);
  }
  return files;
}
