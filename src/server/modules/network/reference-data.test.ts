import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../../../test/harness.ts';
import { municipalities } from '../../db/schema/index.ts';
import { isOrganizationNumber, loadMunicipalities, MUNICIPALITIES_CSV, parseMunicipalities, ReferenceDataError } from './reference-data.ts';

const csv = readFileSync(MUNICIPALITIES_CSV, 'utf8');

describe('parseMunicipalities', () => {
  it('reads all 357 municipalities with the population SSB gives', () => {
    const rows = parseMunicipalities(csv);
    expect(rows).toHaveLength(357);
    expect(rows.reduce((sum, r) => sum + r.population, 0)).toBe(5_550_203);
    expect(rows.find((r) => r.number === '1870')).toEqual({
      number: '1870',
      name: 'Sortland - Suortá',
      countyNumber: '18',
      countyName: 'Nordland',
      population: 10618,
      populationYear: 2024,
      organizationNumber: '847737492',
    });
  });

  it('gives every municipality its organisation number from Enhetsregisteret, each a valid one and none twice', () => {
    const rows = parseMunicipalities(csv);
    const numbers = rows.map((r) => r.organizationNumber);
    expect(numbers.every((n) => typeof n === 'string' && isOrganizationNumber(n))).toBe(true);
    expect(new Set(numbers).size).toBe(357);
    expect(rows.find((r) => r.number === '0301')?.organizationNumber).toBe('958935420');
  });

  it('reports every bad row by line, and returns nothing', () => {
    const bad = csv
      .replace('1867,Bø,18', '186,Bø,18')
      .replace('1870,Sortland - Suortá,18,Nordland,10618', '1870,Sortland - Suortá,18,Nordland,mange');
    const error = (() => {
      try {
        parseMunicipalities(bad);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ReferenceDataError);
    const problems = (error as ReferenceDataError).problems;
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => /^line \d+: number "186" is not four digits/.test(p))).toBe(true);
    expect(problems.some((p) => /^line \d+: population "mange" is not a whole number/.test(p))).toBe(true);
  });
});

describe.each(DATABASE_KINDS)('loading a newer municipality file on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('updates names and populations, closes a municipality that is gone, and keeps the memberships that refer to it', async () => {
    const newer = csv
      .replace('1870,Sortland - Suortá,18,Nordland,10618,2024', '1870,Sortland - Suortá,18,Nordland,10700,2025')
      .split('\n')
      .filter((line) => !line.startsWith('1867,'))
      .join('\n');
    const result = await loadMunicipalities(t.db, newer);
    expect(result).toEqual({ total: 356, closed: 1 });
    const [sortland] = await t.db.select().from(municipalities).where(eq(municipalities.number, '1870'));
    expect(sortland).toMatchObject({ population: 10700, populationYear: 2025, validTo: null });
    const [bo] = await t.db.select().from(municipalities).where(eq(municipalities.number, '1867'));
    expect(bo!.validTo).not.toBeNull();
    const overview = await t.anonymous().get('/api/networks/digivesteralen');
    expect(overview.body.members.map((m: { municipalityNumber: string }) => m.municipalityNumber)).toContain('1867');
    expect(overview.body.members.find((m: { municipalityNumber: string }) => m.municipalityNumber === '1870').population).toBe(10700);
  });

  it('keeps the organisation numbers when a file from SSB, which has none, is loaded', async () => {
    const ssb = csv
      .split('\n')
      .map((line) => line.split(',').slice(0, 6).join(','))
      .join('\n');
    await loadMunicipalities(t.db, ssb);
    const [hadsel] = await t.db.select().from(municipalities).where(eq(municipalities.number, '1866'));
    expect(hadsel!.organizationNumber).toBe('958501420');
    expect((await t.anonymous().get('/api/municipalities/1866')).body).toMatchObject({ organizationNumber: '958501420' });
  });

  it('changes nothing when the file has a bad row', async () => {
    const [before] = await t.db.select().from(municipalities).where(eq(municipalities.number, '1866'));
    const bad = csv.replace('1866,Hadsel,18,Nordland,8236', '1866,Hadsel,18,Nordland,9000').replace('1871,Andøy', '1871,');
    await expect(loadMunicipalities(t.db, bad)).rejects.toThrow(ReferenceDataError);
    const [after] = await t.db.select().from(municipalities).where(eq(municipalities.number, '1866'));
    expect(after).toEqual(before);
  });
});
