import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNorwegian, norwegianSortKey } from './text.ts';

/** What the databases do with the key: compare code units, as the C collation does for ASCII. */
const byKey = (a: string, b: string) => {
  const x = norwegianSortKey(a);
  const y = norwegianSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
// Case and accents are tie-breakers for the collator only; the key ignores them.
const collator = new Intl.Collator('nb', { sensitivity: 'base' });

const letters = 'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅäöÄÖéè ';
const norwegianText = fc.string({ unit: fc.constantFrom(...letters), maxLength: 12 });

describe('norwegianSortKey', () => {
  it('orders like Intl.Collator("nb") for Norwegian letters', () => {
    fc.assert(
      fc.property(norwegianText, norwegianText, (a, b) => {
        expect(Math.sign(byKey(a, b))).toBe(Math.sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('sorts the Norwegian alphabet and the names people have as a Norwegian reader expects', () => {
    const names = ['Øyvind', 'Aasen', 'Zahl', 'Ærø', 'Berg', 'Ås', 'Åse', 'aasland', 'Ødegård', 'Ängel', 'Østby', 'Andersen'];
    const expected = [...names].sort(compareNorwegian);
    expect([...names].sort(byKey)).toEqual(expected);
    expect(expected.slice(0, 3)).toEqual(['Andersen', 'Berg', 'Zahl']);
  });

  it('is ASCII, so the C collation of both databases compares it byte by byte', () => {
    fc.assert(
      fc.property(norwegianText, (s) => {
        expect(norwegianSortKey(s)).toMatch(/^[\x20-\x7e]*$/);
      }),
    );
  });
});
