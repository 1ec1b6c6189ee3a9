import { SPREADSHEET_LIMITS } from '../../../shared/spreadsheets/limits.ts';
import { decodeText, parseCsv } from './csv.ts';
import { overLimit, unreadable, type ReadOptions, type SpreadsheetFormat, type Workbook } from './types.ts';
import { XlsxReader, type Limits, type WorkbookSink } from './xlsx.ts';
import { looksLikeZip } from './zip.ts';

/**
 * Reads a file into the sink, whatever thread it runs in: a zip archive as an XLSX workbook, anything else as CSV where
 * the caller takes CSV. The file size and, for a workbook, the zip directory's limits are checked before anything is
 * unpacked; the rest as the rows are read.
 */
export async function readInto(
  bytes: Uint8Array,
  options: ReadOptions,
  sink: WorkbookSink,
  limits: Limits = SPREADSHEET_LIMITS,
): Promise<SpreadsheetFormat> {
  if (bytes.length > limits.fileBytes) throw overLimit('fileBytes', bytes.length);
  if (looksLikeZip(bytes)) {
    if (!options.formats.includes('xlsx')) throw unreadable('notSpreadsheet');
    await new XlsxReader(bytes, limits).read(sink);
    return 'xlsx';
  }
  if (!options.formats.includes('csv')) throw unreadable('notSpreadsheet');
  const text = decodeText(bytes);
  sink.sheet('', false);
  parseCsv(text, { delimiter: options.delimiter, limits, onRows: (rows) => sink.rows(rows) });
  return 'csv';
}

/** A sink that keeps everything: the workbook as the caller gets it. */
export function collect(): { sink: WorkbookSink; workbook: (format: SpreadsheetFormat) => Workbook } {
  const sheets: Workbook['sheets'] = [];
  return {
    sink: {
      sheet: (name, hidden) => sheets.push({ name, hidden, rows: [] }),
      rows: (rows) => {
        const sheet = sheets.at(-1);
        if (sheet) for (const row of rows) sheet.rows.push(row);
      },
    },
    workbook: (format) => ({ format, sheets }),
  };
}
