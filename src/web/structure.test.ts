import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web client's import rule, read from the files themselves (ESLint's no-restricted-imports holds it while
 * editing): a feature reaches another only through its index.ts, app/ imports no feature, and every feature has an
 * index.ts.
 */
const WEB = join(import.meta.dirname);
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
const imports = (path: string) => [...readFileSync(path, 'utf8').matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]!);

describe('the web client as modules', () => {
  it('a feature imports another feature only through its index.ts', () => {
    const breaches = files(join(WEB, 'features')).flatMap((path) =>
      imports(path)
        .filter((spec) => /^\.\.\/[a-z-]+\//.test(spec) && !/^\.\.\/[a-z-]+\/index\.ts$/.test(spec))
        .map((spec) => `${relative(WEB, path)} → ${spec}`),
    );
    expect(breaches).toEqual([]);
  });

  it('app/ imports no feature and not the router', () => {
    const breaches = files(join(WEB, 'app')).flatMap((path) =>
      imports(path)
        .filter((spec) => spec.includes('features/') || /^\.\.\/(routes|main)\.tsx$/.test(spec))
        .map((spec) => `${relative(WEB, path)} → ${spec}`),
    );
    expect(breaches).toEqual([]);
  });

  it('every feature has an index.ts, and the router reaches features only through them', () => {
    const features = readdirSync(join(WEB, 'features'));
    expect(features.filter((f) => !statSync(join(WEB, 'features', f, 'index.ts'), { throwIfNoEntry: false }))).toEqual([]);
    const router = imports(join(WEB, 'routes.tsx')).filter((spec) => spec.includes('features/'));
    expect(router.filter((spec) => !/^\.\/features\/[a-z-]+\/index\.ts$/.test(spec))).toEqual([]);
  });
});
