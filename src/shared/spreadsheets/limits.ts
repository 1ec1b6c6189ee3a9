import type { Language } from '../i18n/languages.ts';

/**
 * What the one spreadsheet reader takes (mapping workbooks, budget actuals, own effort, the municipality file). A file
 * beyond a size limit is refused before anything in it is unpacked: the file itself, and for an XLSX workbook (a zip
 * archive) the number of its parts and the sum of their unpacked sizes as the zip's central directory declares them. The
 * shape limits are checked while the sheets are read, so reading stops at the first row past one.
 *
 * The largest real file, the national mapping workbook (357 municipalities × 120 applications: 42,841 rows on one
 * sheet, 24 columns, 1.1 million cells with 6.7 million characters of text, 4.1 MB packed and 34 MB unpacked in 19
 * parts), fits every limit with room to spare; a «decompression bomb» (a few MB that unpack to hundreds) does not.
 */
export const SPREADSHEET_LIMITS = {
  /** The file as uploaded, in bytes (the national workbook: 4.1 MB). */
  fileBytes: 20 * 1024 * 1024,
  /** XLSX: the parts' sizes unpacked, summed, as the zip's central directory declares them (national: 34 MB). */
  unpackedBytes: 200 * 1024 * 1024,
  /** XLSX: parts in the zip archive (a workbook from Excel has 10–30). */
  parts: 1_000,
  /** Rows with content in one sheet; in a CSV file, lines (national: 42,841). */
  rows: 100_000,
  /** The last column with content in a row (national: 24). */
  columns: 200,
  /**
   * Cells in the whole file, each row counted to its last cell with content (national: 1.1 million, 0.9 million of
   * them with content): what the rows of a file take once read, however sparse.
   */
  cells: 3_000_000,
  /** Characters in one cell: Excel's own limit, so no file Excel wrote breaks it. */
  cellChars: 32_767,
  /**
   * Characters of text in all the cells together (national: 6.7 million). A workbook's cells may all point to one
   * long shared string: without this, a small file could ask for a copy of it in each of millions of cells.
   */
  textChars: 50_000_000,
} as const;

export type SpreadsheetLimit = keyof typeof SPREADSHEET_LIMITS;

/**
 * How the server reads: in worker threads beside the event loop, this many at once and this many more waiting
 * (a further file is answered 503), each with a heap of its own of at most `heapMb` and at most `seconds` to finish.
 */
export const SPREADSHEET_READER = {
  workers: 2,
  queue: 6,
  heapMb: 384,
  seconds: 60,
} as const;

/** The limits measured in bytes, shown as MB. */
const BYTE_LIMITS = new Set<string>(['fileBytes', 'unpackedBytes']);

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** A limit's value as a person reads it: «20 MB», «100 000». */
export function formatLimitValue(limit: ReaderLimit, value: number, language: Language): string {
  const number = (n: number, digits = 0) => new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits }).format(n);
  if (BYTE_LIMITS.has(limit)) {
    const mb = value / (1024 * 1024);
    return `${number(mb, mb < 10 ? 1 : 0)} MB`;
  }
  if (limit === 'heapMb') return `${number(value)} MB`;
  return number(value);
}

/** A limit the reader names when it refuses a file: the spreadsheet limits, and the reader's memory and time. */
export type ReaderLimit = SpreadsheetLimit | 'heapMb' | 'seconds';

/** The value of a reader limit. */
export function readerLimitValue(limit: ReaderLimit): number {
  return limit === 'heapMb' || limit === 'seconds' ? SPREADSHEET_READER[limit] : SPREADSHEET_LIMITS[limit];
}

/**
 * Why a file was refused, naming the limit, in each language; `{max}` is the limit and `{actual}` what the file has.
 * The web client shows the same words before a file is sent.
 */
export const LIMIT_MESSAGES: Record<Language, Record<ReaderLimit, string>> = {
  nb: {
    fileBytes: 'Filen er for stor. Den kan være høyst {max}.',
    unpackedBytes: 'Regnearket pakkes ut til {actual}, men kan være høyst {max} utpakket.',
    parts: 'Regnearket består av {actual} deler, men kan ha høyst {max}.',
    rows: 'Arket har flere enn {max} rader med innhold. Del filen opp.',
    columns: 'Raden har innhold i flere enn {max} kolonner.',
    cells: 'Filen har flere enn {max} celler. Del filen opp.',
    cellChars: 'Cellen har flere enn {max} tegn.',
    textChars: 'Cellene i filen har til sammen flere enn {max} tegn. Del filen opp.',
    heapMb: 'Filen trengte mer enn {max} minne for å leses. Del filen opp.',
    seconds: 'Filen ble ikke lest ferdig på {max} sekunder. Prøv igjen om litt, eller del filen opp.',
  },
  nn: {
    fileBytes: 'Fila er for stor. Ho kan vere høgst {max}.',
    unpackedBytes: 'Reknearket blir pakka ut til {actual}, men kan vere høgst {max} utpakka.',
    parts: 'Reknearket består av {actual} delar, men kan ha høgst {max}.',
    rows: 'Arket har fleire enn {max} rader med innhald. Del fila opp.',
    columns: 'Rada har innhald i fleire enn {max} kolonnar.',
    cells: 'Fila har fleire enn {max} celler. Del fila opp.',
    cellChars: 'Cella har fleire enn {max} teikn.',
    textChars: 'Cellene i fila har til saman fleire enn {max} teikn. Del fila opp.',
    heapMb: 'Fila trong meir enn {max} minne for å bli lesen. Del fila opp.',
    seconds: 'Fila vart ikkje ferdig lesen på {max} sekund. Prøv igjen om litt, eller del fila opp.',
  },
  en: {
    fileBytes: 'The file is too large. It can be at most {max}.',
    unpackedBytes: 'The workbook unpacks to {actual}, but can be at most {max} unpacked.',
    parts: 'The workbook has {actual} parts, but can have at most {max}.',
    rows: 'The sheet has more than {max} rows with content. Split the file.',
    columns: 'The row has content in more than {max} columns.',
    cells: 'The file has more than {max} cells. Split the file.',
    cellChars: 'The cell has more than {max} characters.',
    textChars: 'The cells of the file have more than {max} characters together. Split the file.',
    heapMb: 'Reading the file needed more than {max} of memory. Split the file.',
    seconds: 'The file was not read within {max} seconds. Try again shortly, or split the file.',
  },
};

/** Why a file was refused, in words: the limit and, where known, what the file has. */
export function limitMessage(limit: ReaderLimit, language: Language, actual?: number): string {
  const values: Record<string, string> = { max: formatLimitValue(limit, readerLimitValue(limit), language) };
  if (actual !== undefined) values.actual = formatLimitValue(limit, actual, language);
  return LIMIT_MESSAGES[language][limit].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}
