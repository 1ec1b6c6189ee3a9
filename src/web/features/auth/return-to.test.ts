import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
  it('keeps paths on this site, with query and fragment', () => {
    expect(safeReturnTo('/n/digivesteralen/organer?x=1#top')).toBe('/n/digivesteralen/organer?x=1#top');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    '/logg-inn?til=/x',
  ])('sends %j to the front page', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});
