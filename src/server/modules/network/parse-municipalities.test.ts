import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrganizationNumber, parseMunicipalities, ReferenceDataError, type MunicipalityRecord } from './reference-data.ts';

const HEADER = 'number,name,countyNumber,countyName,population,populationYear';

const record = fc
  .record({
    county: fc.integer({ min: 1, max: 99 }),
    rest: fc.integer({ min: 0, max: 99 }),
    name: fc.string({ unit: fc.constantFrom(...'abcdeføæåÅØÆ -()'.split('')), minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    countyName: fc.constantFrom('Nordland', 'Troms', 'Vestland', 'Oslo'),
    population: fc.integer({ min: 0, max: 1_000_000 }),
    populationYear: fc.integer({ min: 1900, max: 2100 }),
  })
  .map(({ county, rest, name, countyName, population, populationYear }): MunicipalityRecord => {
    const countyNumber = String(county).padStart(2, '0');
    return {
      number: countyNumber + String(rest).padStart(2, '0'),
      name: name.trim(),
      countyNumber,
      countyName,
      population,
      populationYear,
    };
  });
const records = fc.uniqueArray(record, { selector: (r) => r.number, minLength: 1, maxLength: 30 });
const toLine = (r: MunicipalityRecord) => [r.number, r.name, r.countyNumber, r.countyName, r.population, r.populationYear].join(',');

/** Ways a row goes bad, each one problem the parser must name. */
const BREAKAGES: ((line: string) => string)[] = [
  (l) => l.replace(/^\d{4}/, '12a4'),
  (l) => l.replace(/,\d+,(\d{4})$/, ',mange,$1'),
  (l) => l.replace(/,(\d{4})$/, ',i fjor'),
  (l) => `${l},ekstra`,
  (l) => l.split(',').slice(0, 4).join(','),
  (l) => l.replace(/^(\d{4}),[^,]*,/, '$1,,'),
];

function problemsOf(csv: string): string[] {
  try {
    parseMunicipalities(csv);
  } catch (error) {
    expect(error).toBeInstanceOf(ReferenceDataError);
    return (error as ReferenceDataError).problems;
  }
  throw new Error('expected the file to be refused');
}

describe('parseMunicipalities', () => {
  it('reads back every valid file it is given, with a BOM, CRLF line ends and blank lines', () => {
    fc.assert(
      fc.property(records, fc.boolean(), fc.boolean(), (rows, crlf, bom) => {
        const eol = crlf ? '\r\n' : '\n';
        const csv = (bom ? '\uFEFF' : '') + [HEADER, ...rows.map(toLine)].join(eol).replace(eol, `${eol}${eol}`) + eol;
        expect(parseMunicipalities(csv)).toEqual(rows);
      }),
    );
  });

  it('names every bad row by its line in the file, blank lines counted, and no other', () => {
    fc.assert(
      fc.property(
        records,
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: BREAKAGES.length - 1 })), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (rows, damage, blanks) => {
          const lines = rows.map(toLine);
          const bad = new Set<number>();
          for (const [at, how] of damage) {
            const index = at % lines.length;
            lines[index] = BREAKAGES[how]!(lines[index]!);
            bad.add(index);
          }
          const file = [HEADER, ...lines];
          const rowOfLine: (number | null)[] = file.map((_, i) => (i === 0 ? null : i - 1));
          // Blank lines anywhere after the header move the rows below them down.
          for (const at of blanks) {
            const position = 1 + (at % file.length);
            file.splice(position, 0, '');
            rowOfLine.splice(position, 0, null);
          }
          const expectedLines = rowOfLine.flatMap((row, i) => (row !== null && bad.has(row) ? [i + 1] : []));
          const reported = problemsOf(file.join('\n')).map((p) => Number(/^line (\d+):/.exec(p)?.[1]));
          expect(reported).toEqual(expectedLines);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports the header, a repeated number and a county that does not match, all at once', () => {
    const csv = [
      'number,navn,fylke',
      '1870,Sortland,18,Nordland,10618,2024',
      '',
      '1870,Sortland igjen,18,Nordland,1,2024',
      '1871,Andøy,54,Nordland,4553,2024',
    ].join('\n');
    expect(problemsOf(csv)).toEqual([
      `line 1: expected header "${HEADER}" (or with ",organizationNumber" at the end)`,
      'line 4: number 1870 appears twice',
      'line 5: countyNumber "54" does not match the number',
    ]);
  });

  it('reads the organisation numbers when the file has them, an empty cell as none, and refuses a wrong or repeated one', () => {
    const header = `${HEADER},organizationNumber`;
    expect(
      parseMunicipalities([header, '1870,Sortland,18,Nordland,10618,2024,847737492', '1871,Andøy,18,Nordland,4553,2024,'].join('\n')),
    ).toEqual([
      {
        number: '1870',
        name: 'Sortland',
        countyNumber: '18',
        countyName: 'Nordland',
        population: 10618,
        populationYear: 2024,
        organizationNumber: '847737492',
      },
      {
        number: '1871',
        name: 'Andøy',
        countyNumber: '18',
        countyName: 'Nordland',
        population: 4553,
        populationYear: 2024,
        organizationNumber: null,
      },
    ]);
    expect(
      problemsOf(
        [
          header,
          '1870,Sortland,18,Nordland,10618,2024,847737493',
          '1871,Andøy,18,Nordland,4553,2024,945624809',
          '1866,Hadsel,18,Nordland,8236,2024,945624809',
          '1867,Bø,18,Nordland,2634,2024',
        ].join('\n'),
      ),
    ).toEqual([
      'line 2: organizationNumber "847737493" is not a valid organisasjonsnummer',
      'line 4: organizationNumber 945624809 appears twice',
      'line 5: expected 7 columns, found 6',
    ]);
  });

  it('checks the organisation number as Enhetsregisteret does (modulus 11)', () => {
    for (const valid of ['958935420', '847737492', '945624809', '964338531']) expect(isOrganizationNumber(valid)).toBe(true);
    for (const invalid of ['958935421', '84773749', '8477374920', 'abcdefghi', '']) expect(isOrganizationNumber(invalid)).toBe(false);
    // Every single-digit change of a valid number is caught.
    const base = '847737492';
    for (let i = 0; i < 9; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = base.slice(0, i) + String(d) + base.slice(i + 1);
        if (changed !== base) expect(isOrganizationNumber(changed), changed).toBe(false);
      }
    }
  });

  it('refuses a file without municipalities', () => {
    expect(problemsOf(`${HEADER}\n\n`)).toEqual(['the file has no municipalities']);
  });
});
