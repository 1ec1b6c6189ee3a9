import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { preparedCache, preparedJsonCache } from './prepared-answers.ts';

const AFTER_MS = 20;
const settle = () => new Promise((resolve) => setTimeout(resolve, AFTER_MS * 5));
// Compressible enough that the default level's gzip is smaller than the fastest level's.
const answer = (n: number) => ({ rows: Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `Kommune ${i % 357}`, n })) });

describe('prepared answers', () => {
  it('answers first with the fastest gzip, and with the smaller one once the answer has stood', async () => {
    const prepared = preparedCache(10, AFTER_MS);
    const first = await prepared('landscape', '1', async () => answer(1));
    const fast = first.gzip;
    expect(gunzipSync(fast).toString()).toBe(first.json);
    await settle();
    expect(first.gzip).toEqual(gzipSync(first.json));
    expect(first.gzip.length).toBeLessThan(fast.length);
    // The same stamp answers the same prepared answer, with no second build.
    expect(await prepared('landscape', '1', async () => answer(2))).toBe(first);
  });

  it('never compresses again an answer a change replaced before it had stood', async () => {
    const prepared = preparedCache(10, AFTER_MS);
    const replaced = await prepared('landscape', '1', async () => answer(1));
    const fast = replaced.gzip;
    const newer = await prepared('landscape', '2', async () => answer(2));
    await settle();
    expect(replaced.gzip).toBe(fast);
    expect(newer.gzip).toEqual(gzipSync(newer.json));
    expect(gunzipSync(newer.gzip).toString()).toBe(JSON.stringify(answer(2)));
  });

  it('keeps a JSON-only answer as its text and gzip, without the object', async () => {
    const prepared = preparedJsonCache(10, AFTER_MS);
    const page = await prepared('/api/oparl/v1/bodies/x/meetings', '1', async () => answer(3));
    expect(Object.keys(page).sort()).toEqual(['gzip', 'json']);
    expect(page.json).toBe(JSON.stringify(answer(3)));
    await settle();
    expect(page.gzip).toEqual(gzipSync(page.json));
  });
});
