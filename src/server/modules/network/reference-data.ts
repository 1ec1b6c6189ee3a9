import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isNull, notInArray, sql, and } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { PROJECT_ROOT } from '../../project-root.ts';
import { auditEntries, municipalities } from '../../db/schema/index.ts';
import { SPREADSHEET_LIMITS } from '../../../shared/spreadsheets/limits.ts';
import { CsvLimitExceeded, decodeText, readCsvText, UnreadableSpreadsheet } from '../spreadsheets/index.ts';
import { today } from './dates.ts';

export const MUNICIPALITIES_CSV = join(PROJECT_ROOT, 'data/reference/municipalities.csv');

export interface MunicipalityRecord {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
  population: number;
  populationYear: number;
  /** Only when the file has the column (SSB's own files do not): the organisasjonsnummer, or null when the cell is empty. */
  organizationNumber?: string | null;
}

export class ReferenceDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`The municipality file has ${problems.length} bad row(s):\n${problems.join('\n')}`);
  }
}

const HEADER = 'number,name,countyNumber,countyName,population,populationYear';
/** The platform's own file adds each municipality's organisasjonsnummer from Enhetsregisteret. */
const HEADER_WITH_ORGANIZATION = `${HEADER},organizationNumber`;

/** A Norwegian organisasjonsnummer: nine digits whose last is the modulus-11 check digit (weights 3 2 7 6 5 4 3 2). */
export function isOrganizationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(value[8]);
}

/**
 * Parses SSB's municipality list, comma separated, through the spreadsheet reader's CSV parser and limits; every bad
 * row is reported, and nothing is loaded if any row is bad.
 */
export function parseMunicipalities(csv: string): MunicipalityRecord[] {
  let rows;
  try {
    rows = readCsvText(csv.replace(/^\uFEFF/, ''), { delimiter: ',' }).rows;
  } catch (error) {
    if (error instanceof CsvLimitExceeded) throw new ReferenceDataError([`line ${error.row ?? 1}: ${error.message}`]);
    throw error;
  }
  // Blank lines are skipped but counted, so every line number reported is the one an editor shows.
  const lines = rows
    .map(({ row, cells }) => ({ cells: cells.map((c) => (typeof c === 'string' ? c.trim() : '')), lineNo: row }))
    .filter((l) => l.cells.length > 1 || l.cells[0] !== '');
  const problems: string[] = [];
  const header = lines[0]?.cells.join(',');
  const withOrganization = header === HEADER_WITH_ORGANIZATION;
  if (header !== HEADER && !withOrganization)
    problems.push(`line ${lines[0]?.lineNo ?? 1}: expected header "${HEADER}" (or with ",organizationNumber" at the end)`);
  const columns = withOrganization ? 7 : 6;
  const seen = new Set<string>();
  const seenOrganizations = new Set<string>();
  const records: MunicipalityRecord[] = [];
  lines.slice(1).forEach(({ cells, lineNo }) => {
    const [number = '', name = '', countyNumber = '', countyName = '', population = '', populationYear = '', organization = ''] = cells;
    const rowProblems: string[] = [];
    if (cells.length !== columns) rowProblems.push(`expected ${columns} columns, found ${cells.length}`);
    if (!/^\d{4}$/.test(number)) rowProblems.push(`number "${number}" is not four digits`);
    else if (seen.has(number)) rowProblems.push(`number ${number} appears twice`);
    if (!name) rowProblems.push('name is empty');
    if (!/^\d{2}$/.test(countyNumber) || !number.startsWith(countyNumber))
      rowProblems.push(`countyNumber "${countyNumber}" does not match the number`);
    if (!countyName) rowProblems.push('countyName is empty');
    if (!/^\d+$/.test(population)) rowProblems.push(`population "${population}" is not a whole number`);
    if (!/^\d{4}$/.test(populationYear)) rowProblems.push(`populationYear "${populationYear}" is not a year`);
    if (withOrganization && organization !== '') {
      if (!isOrganizationNumber(organization)) rowProblems.push(`organizationNumber "${organization}" is not a valid organisasjonsnummer`);
      else if (seenOrganizations.has(organization)) rowProblems.push(`organizationNumber ${organization} appears twice`);
    }
    if (rowProblems.length > 0) problems.push(`line ${lineNo}: ${rowProblems.join('; ')}`);
    else {
      seen.add(number);
      const record: MunicipalityRecord = {
        number,
        name,
        countyNumber,
        countyName,
        population: Number(population),
        populationYear: Number(populationYear),
      };
      if (withOrganization) {
        record.organizationNumber = organization || null;
        if (organization) seenOrganizations.add(organization);
      }
      records.push(record);
    }
  });
  if (records.length === 0 && problems.length === 0) problems.push('the file has no municipalities');
  if (problems.length > 0) throw new ReferenceDataError(problems);
  return records;
}

/**
 * Loads a municipality file in one transaction: new numbers are added, names and populations updated,
 * and numbers missing from the file closed with today's date (never deleted: memberships refer to them).
 * Municipalities' own settings (written standard) are kept, and so are their organisation numbers when the file has
 * no such column (SSB's files do not).
 */
export async function loadMunicipalities(db: Db, csv: string): Promise<{ total: number; closed: number }> {
  const records = parseMunicipalities(csv);
  return db.transaction(async (tx) => {
    for (let i = 0; i < records.length; i += 200) {
      await tx
        .insert(municipalities)
        .values(records.slice(i, i + 200))
        .onConflictDoUpdate({
          target: municipalities.number,
          set: {
            name: sql`excluded.name`,
            countyNumber: sql`excluded.county_number`,
            countyName: sql`excluded.county_name`,
            population: sql`excluded.population`,
            populationYear: sql`excluded.population_year`,
            ...('organizationNumber' in records[0]! ? { organizationNumber: sql`excluded.organization_number` } : {}),
            validTo: null,
          },
        });
    }
    const closed = await tx
      .update(municipalities)
      .set({ validTo: today() })
      .where(
        and(
          isNull(municipalities.validTo),
          notInArray(
            municipalities.number,
            records.map((r) => r.number),
          ),
        ),
      )
      .returning({ number: municipalities.number });
    // Audited like every change; the overview cache also reads this entry to know populations changed.
    await tx.insert(auditEntries).values({
      entityType: 'municipalityFile',
      entityId: 'municipalities.csv',
      action: 'load',
      after: { total: records.length, closed: closed.map((c) => c.number) },
    });
    return { total: records.length, closed: closed.length };
  });
}

/** A file from SSB, in UTF-8 or Windows-1252; one beyond the reader's file size is not read at all. */
export async function loadMunicipalitiesFile(db: Db, path = MUNICIPALITIES_CSV) {
  const { size } = await stat(path);
  if (size > SPREADSHEET_LIMITS.fileBytes)
    throw new ReferenceDataError([`the file is ${size} bytes, more than ${SPREADSHEET_LIMITS.fileBytes}`]);
  let csv: string;
  try {
    csv = decodeText(await readFile(path));
  } catch (error) {
    if (error instanceof UnreadableSpreadsheet) throw new ReferenceDataError(['the file is not a text (CSV) file']);
    throw error;
  }
  return loadMunicipalities(db, csv);
}
