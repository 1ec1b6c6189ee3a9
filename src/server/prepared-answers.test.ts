import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { preparedCache, preparedJsonCache } from './prepared-answers.ts';

const AFTER_MS = 20;
// Compressible enough that the default level's gzip is smaller than the fastest level's.
const answer = (n: number) => ({ rows: Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `Kommune ${i % 357}`, n })) });
/** Waits until the answer's gzip is the default level's (the timer and the compression run in the background). */
const smaller = (prepared: { json: Buffer; gzip: Buffer }) =>
  vi.waitFor(() => expect(prepared.gzip).toEqual(gzipSync(prepared.json)), { timeout: 5000, interval: 10 });

describe('prepared answers', () => {
  it('answers first with the fastest gzip, and with the smaller one once the answer has stood', async () => {
    const prepared = preparedCache(10, AFTER_MS);
    const first = await prepared('landscape', '1', async () => answer(1));
    const fast = first.gzip;
    expect(gunzipSync(fast)).toEqual(first.json);
    expect(first.json.toString()).toBe(JSON.stringify(answer(1)));
    expect(fast).not.toEqual(gzipSync(first.json));
    await smaller(first);
    expect(first.gzip.length).toBeLessThan(fast.length);
    // The same stamp answers the same prepared answer, with no second build.
    expect(await prepared('landscape', '1', async () => answer(2))).toBe(first);
  });

  it('never compresses again an answer a newer build replaced, even one that ended after the newer', async () => {
    const prepared = preparedCache(10, AFTER_MS);
    const replaced = await prepared('landscape', '1', async () => answer(1));
    const fast = replaced.gzip;
    // A build under an older stamp that ends after the newest one.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const late = prepared('landscape', '2', async () => {
      await held;
      return answer(2);
    });
    const newest = await prepared('landscape', '3', async () => answer(3));
    release();
    const lateAnswer = await late;
    const lateFast = lateAnswer.gzip;
    await smaller(newest);
    expect(gunzipSync(newest.gzip).toString()).toBe(JSON.stringify(answer(3)));
    // The replaced one's timer ran before the newest one's; the late one's, set when it ended, within a few more.
    await new Promise((resolve) => setTimeout(resolve, AFTER_MS * 10));
    expect(replaced.gzip).toBe(fast);
    expect(lateAnswer.gzip).toBe(lateFast);
  });

  it('keeps a JSON-only answer as its text and gzip, without the object', async () => {
    const prepared = preparedJsonCache(10, AFTER_MS);
    const page = await prepared('/api/oparl/v1/bodies/x/meetings', '1', async () => answer(3));
    expect(Object.keys(page).sort()).toEqual(['gzip', 'json']);
    expect(page.json.toString()).toBe(JSON.stringify(answer(3)));
    await smaller(page);
  });

  it("keeps a small answer's bytes in a buffer of their own, not in a slice of Node's shared pool", async () => {
    const prepared = preparedJsonCache(10, AFTER_MS);
    const small = await prepared('/api/oparl/v1/bodies/x/meetings?page=2', '1', async () => ({ data: [], name: 'Værøy' }));
    expect(small.json.toString()).toBe('{"data":[],"name":"Værøy"}');
    expect(small.json.buffer.byteLength).toBe(small.json.length);
  });
});
