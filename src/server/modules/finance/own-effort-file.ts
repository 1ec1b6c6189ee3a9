import type { Language } from '../../../shared/i18n/languages.ts';
import { readSpreadsheet, UnreadableSpreadsheet, type Cell } from '../spreadsheets/index.ts';

/**
 * Reads an uploaded table — CSV (semicolon or comma separated, as a Norwegian spreadsheet saves it, with or without a
 * byte-order mark) or the first sheet of an XLSX workbook — into its header and rows of trimmed text, with each row's
 * number as the spreadsheet shows it, through the one spreadsheet reader. Only reading: what the columns mean is the
 * caller's.
 */

export interface TableFile {
  sheet: string;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

export class UnreadableFile extends Error {}

function cellText(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A month typed as a date: the calendar month it names (Excel stores midnight UTC).
  if (value instanceof Date) return value.toISOString().slice(0, 7);
  // An error value (#N/A) is no entry.
  return '';
}

export async function readTableFile(bytes: Buffer, language: Language): Promise<TableFile> {
  let workbook;
  try {
    workbook = await readSpreadsheet(bytes, { language, formats: ['xlsx', 'csv'] });
  } catch (error) {
    if (error instanceof UnreadableSpreadsheet) throw new UnreadableFile(error.reason);
    throw error;
  }
  const sheet = workbook.sheets[0];
  if (!sheet) return { sheet: '', headers: [], rows: [] };
  // Every row as wide as the widest, as the columns are found by their place in the heading row.
  const width = Math.max(0, ...sheet.rows.map((r) => r.cells.length));
  const cellsOf = (cells: Cell[]) => Array.from({ length: width }, (_, i) => cellText(cells[i]));
  const headerRow = sheet.rows.find((r) => r.row === 1);
  return {
    sheet: sheet.name,
    headers: headerRow ? cellsOf(headerRow.cells) : [],
    rows: sheet.rows.filter((r) => r.row > 1).map((r) => ({ row: r.row, cells: cellsOf(r.cells) })),
  };
}
