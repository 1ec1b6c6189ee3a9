import { SPREADSHEET_LIMITS } from '../../../shared/spreadsheets/limits.ts';
import { overLimit, unreadable, type SheetRow } from './types.ts';
import { CELL_BATCH, columnName, ROW_BATCH, type Limits } from './xlsx.ts';

/**
 * CSV as Norwegian spreadsheets and accounting systems save it: separated by semicolons (Excel in Norwegian), commas or
 * tabs, whichever the first line uses most; fields in double quotes may hold the separator and line breaks, with a
 * quote doubled inside; in UTF-8 with or without a byte-order mark, in Windows-1252 (what Excel's «CSV (semikolon-
 * separert)» and older accounting systems write) when the bytes are not UTF-8, or in UTF-16 with its byte-order mark
 * (Excel's «Unicode-tekst»).
 */

/** Windows-1252's characters at 0x80–0x9F, where it differs from Latin-1 (undefined bytes stay as they are). */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Node's TextDecoder reads «windows-1252» as Latin-1, which has control characters where 1252 has € and the quotes. */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80]!);
}

/** The file's text; a file with a NUL byte in it is binary, not CSV. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.includes(0)) throw unreadable('notSpreadsheet');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  if (text.includes('\0')) throw unreadable('notSpreadsheet');
  return text.replace(/^\uFEFF/, '');
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** The separator the first line uses most, outside quotes; a tie goes to the semicolon, then the tab. */
export function guessDelimiter(text: string): string {
  const counts = new Map<number, number>([
    [0x3b, 0],
    [0x09, 0],
    [0x2c, 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === CR || c === LF)) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = 0x3b;
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c;
  return String.fromCharCode(best);
}

/**
 * The file's lines as rows of raw (untrimmed) text, numbered from 1. A blank line is a row of one empty cell, so every
 * row number is the line an editor shows (a line break inside quotes joins two lines into one row); a line break at the
 * very end adds no row. A quote opens a quoted field only at the field's start; after the closing quote, anything up
 * to the separator belongs to the field as written. Rows go to `onRows` in batches as they are read.
 */
export function parseCsv(text: string, options: { delimiter?: string; limits?: Limits; onRows: (rows: SheetRow[]) => void }): void {
  const limits = options.limits ?? SPREADSHEET_LIMITS;
  const delimiter = (options.delimiter ?? guessDelimiter(text)).charCodeAt(0);
  const n = text.length;
  let batch: SheetRow[] = [];
  let batchCells = 0;
  let row: string[] = [];
  let rowNumber = 1;
  let cells = 0;
  let textChars = 0;
  let i = 0;
  const place = (column: number | null) => ({ sheet: '', row: rowNumber, column: column === null ? null : columnName(column) });
  const endOfField = (from: number) => {
    let k = from;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === delimiter || c === LF || c === CR) break;
      k++;
    }
    return k;
  };
  const finishRow = () => {
    if (rowNumber > limits.rows) throw overLimit('rows', undefined, place(null));
    batch.push({ row: rowNumber, cells: row });
    batchCells += row.length;
    if (batch.length >= ROW_BATCH || batchCells >= CELL_BATCH) {
      options.onRows(batch);
      batch = [];
      batchCells = 0;
    }
    row = [];
    rowNumber++;
  };

  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      let quoted = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          // A quote never closed runs to the end of the file.
          quoted += text.slice(j);
          j = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          quoted += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        quoted += text.slice(j, q);
        j = q + 1;
        break;
      }
      const end = endOfField(j);
      value = quoted + text.slice(j, end);
      i = end;
    } else {
      const end = endOfField(i);
      value = text.slice(i, end);
      i = end;
    }
    if (row.length >= limits.columns) throw overLimit('columns', undefined, place(row.length));
    if (value.length > limits.cellChars) throw overLimit('cellChars', value.length, place(row.length));
    if (++cells > limits.cells) throw overLimit('cells', undefined, place(row.length));
    textChars += value.length;
    if (textChars > limits.textChars) throw overLimit('textChars', undefined, place(row.length));
    row.push(value);
    if (i >= n) {
      // The end of the file ends the row, unless nothing at all was begun on it.
      if (value !== '' || row.length > 1) finishRow();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      i++;
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    finishRow();
    if (i >= n) break;
  }
  if (batch.length > 0) options.onRows(batch);
}
