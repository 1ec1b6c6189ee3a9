import type { SpreadsheetLimit } from '../../../shared/spreadsheets/limits.ts';

/** An error value Excel shows in a cell (#N/A, #DIV/0! …). */
export interface CellError {
  error: string;
}

/**
 * A cell as read: text (a CSV cell, a text cell, the result of a text formula), a number, a date (a number cell with a
 * date format, read as Excel shows it: midnight UTC for a day), a boolean, an error value, or null when empty.
 */
export type Cell = string | number | boolean | Date | CellError | null;

/** One row, numbered as the spreadsheet shows it; `cells[0]` is column A. */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  hidden: boolean;
  /**
   * XLSX: the rows with at least one value, in order. CSV: every line (a blank one as one empty cell), so the row
   * numbers are the lines an editor shows.
   */
  rows: SheetRow[];
}

export interface Workbook {
  format: 'xlsx' | 'csv';
  /** XLSX: the worksheets in the workbook's order, hidden ones too; CSV: one sheet named ''. */
  sheets: Sheet[];
}

export type SpreadsheetFormat = Workbook['format'];

export interface ReadOptions {
  /** The kinds of file the caller takes; any other file is unreadable. */
  formats: readonly SpreadsheetFormat[];
  /** CSV: the separator, when it is not to be told from the first line. */
  delimiter?: ',' | ';' | '\t';
}

/** Why a file is not a spreadsheet the reader can read. */
export type UnreadableReason =
  /** Neither a zip archive with a workbook nor (where taken) text. */
  | 'notSpreadsheet'
  /** A zip archive, but broken: its directory, a part's data, or a part unpacking to more than the directory declares. */
  | 'damaged'
  /** A part is encrypted or packed with a method other than deflate. */
  | 'unsupported';

/** Where in the file a limit was passed, for the person to find it. */
export interface RefusalPlace {
  sheet: string;
  row: number;
  column: string | null;
}

export type Refusal =
  { kind: 'limit'; limit: SpreadsheetLimit; actual?: number; at?: RefusalPlace } | { kind: 'unreadable'; reason: UnreadableReason };

/** Thrown inside the reader (main thread or worker) and carried across as data. */
export class RefusedFile extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind === 'limit' ? `spreadsheet limit ${refusal.limit}` : `unreadable spreadsheet: ${refusal.reason}`);
  }
}

export const overLimit = (limit: SpreadsheetLimit, actual?: number, at?: RefusalPlace) =>
  new RefusedFile({ kind: 'limit', limit, ...(actual === undefined ? {} : { actual }), ...(at ? { at } : {}) });
export const unreadable = (reason: UnreadableReason) => new RefusedFile({ kind: 'unreadable', reason });
