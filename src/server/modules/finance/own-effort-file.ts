import ExcelJS from 'exceljs';

/**
 * Reads an uploaded table — CSV (semicolon or comma separated, as a Norwegian spreadsheet saves it, with or without a
 * byte-order mark) or the first sheet of an XLSX workbook — into its header and rows of trimmed text, with each row's
 * number as the spreadsheet shows it. Only reading: what the columns mean is the caller's.
 */

export interface TableFile {
  sheet: string;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

export class UnreadableFile extends Error {}

const isXlsx = (bytes: Buffer) => bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b; // «PK»: a zip archive

export async function readTableFile(bytes: Buffer): Promise<TableFile> {
  return isXlsx(bytes) ? readXlsx(bytes) : readCsv(bytes);
}

function readCsv(bytes: Buffer): TableFile {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw new UnreadableFile('encoding');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const records = parseCsv(text, separator);
  const [headers = [], ...rest] = records;
  return {
    sheet: '',
    headers: headers.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) })),
  };
}

/** RFC 4180 with a chosen separator: quoted fields may hold the separator, quotes doubled, and line breaks. */
function parseCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A month typed as a date: the calendar month it names (Excel stores midnight UTC).
  if (value instanceof Date) return value.toISOString().slice(0, 7);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return cellText(value.text);
  }
  return '';
}

async function readXlsx(bytes: Buffer): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { sheet: '', headers: [], rows: [] };
  const width = sheet.columnCount;
  const cellsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const headers = cellsOf(sheet.getRow(1));
  const rows: TableFile['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push({ row: r, cells: cellsOf(sheet.getRow(r)) });
  return { sheet: sheet.name, headers, rows };
}
