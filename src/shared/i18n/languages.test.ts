import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageFromHeader, LANGUAGES, type Language } from './languages.ts';

const TAGS: [string, Language | null][] = [
  ['nb', 'nb'],
  ['nb-NO', 'nb'],
  ['no', 'nb'],
  ['no-NO', 'nb'],
  ['nn', 'nn'],
  ['nn-NO', 'nn'],
  ['en', 'en'],
  ['en-GB', 'en'],
  ['EN-us', 'en'],
  ['de', null],
  ['sv-SE', null],
  ['da', null],
  ['nnh', null],
  ['*', null],
];

/** A header part: a tag and maybe a q-value from 0 to 1 with up to three decimals. */
const part = fc.record({ tag: fc.constantFrom(...TAGS), q: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }) });

describe('languageFromHeader', () => {
  it('always answers one of the three languages, whatever the header', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), (header) => {
        expect(LANGUAGES).toContain(languageFromHeader(header));
      }),
    );
  });

  it('picks the supported language the browser prefers most (highest q; the first among equals); bokmål when none', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const header = parts.map(({ tag, q }) => (q === undefined ? tag[0] : `${tag[0]};q=${(q / 1000).toFixed(3)}`)).join(', ');
        const candidates = parts
          .map(({ tag, q }, index) => ({ language: tag[1], q: q === undefined ? 1 : q / 1000, index }))
          .filter((c) => c.language !== null && c.q > 0)
          .sort((a, b) => b.q - a.q || a.index - b.index);
        expect(languageFromHeader(header)).toBe(candidates[0]?.language ?? 'nb');
      }),
      { numRuns: 1000 },
    );
  });

  it('reads headers as browsers send them', () => {
    expect(languageFromHeader('nn-NO,nn;q=0.9,no;q=0.8,en;q=0.7')).toBe('nn');
    expect(languageFromHeader('de-DE,de;q=0.9,en;q=0.8')).toBe('en');
    expect(languageFromHeader('en;q=0.5, nn;q=0.9')).toBe('nn');
    expect(languageFromHeader('en;q=0, nb')).toBe('nb');
    expect(languageFromHeader('')).toBe('nb');
    expect(languageFromHeader(undefined)).toBe('nb');
  });
});
